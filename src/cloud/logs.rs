//! CloudWatch Logs: the retention of the log group EKS writes the control plane's logs to.

use super::error::{ApiResult as _, CloudError};
use super::{AwsCloud, Poll, limits, wait_for};
use crate::executor::Progress;

/// The log group of a cluster's control plane logs (EKS's name for it).
pub(crate) fn log_group(cluster: &str) -> String {
    format!("/aws/eks/{cluster}/cluster")
}

impl AwsCloud {
    /// The retention of the cluster's log group: `None` when there is no such group, `Some(None)`
    /// when it keeps logs forever (CloudWatch's default).
    pub(crate) async fn log_retention(&self, cluster: &str) -> Result<Option<Option<i32>>, CloudError> {
        let name = log_group(cluster);
        let out = self
            .logs
            .describe_log_groups()
            .log_group_name_prefix(&name)
            .send()
            .await
            .api("DescribeLogGroups")?;
        Ok(out
            .log_groups()
            .iter()
            .find(|g| g.log_group_name() == Some(name.as_str()))
            .map(|g| g.retention_in_days()))
    }

    /// Keep the cluster's control plane logs `days` days (PutRetentionPolicy), once EKS has made
    /// the log group (it does when logging starts); whether it changed anything. The group is
    /// EKS's: eksup sets its retention and leaves it, with the logs, when the cluster is deleted.
    pub(crate) async fn ensure_log_retention(
        &self,
        progress: &Progress<'_>,
        cluster: &str,
        days: i32,
    ) -> anyhow::Result<bool> {
        let name = log_group(cluster);
        let waited = wait_for(progress, &format!("log group `{name}`"), limits::LOG_GROUP_MADE, || async {
            Ok(match self.log_retention(cluster).await? {
                Some(retention) => Poll::Ready(retention),
                None => Poll::Pending("not made by EKS yet".to_string()),
            })
        })
        .await;
        // The cluster is made and works: a log group EKS has not made yet is no reason to fail.
        let have = match waited {
            Ok(have) => have,
            Err(e) if matches!(e.downcast_ref::<CloudError>(), Some(CloudError::WaitTimeout { .. })) => {
                progress.warn(&format!(
                    "EKS has not made the log group `{name}` yet, so its retention is not set: run the same command again later"
                ));
                return Ok(false);
            }
            Err(e) => return Err(e),
        };
        if have == Some(days) {
            return Ok(false);
        }
        self.logs
            .put_retention_policy()
            .log_group_name(&name)
            .retention_in_days(days)
            .send()
            .await
            .api("PutRetentionPolicy")?;
        Ok(true)
    }
}
