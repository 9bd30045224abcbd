//! eksctl's EFA device plugin (`templates/efa-device-plugin.yaml`): applied through the
//! cluster's API when a node group has `efaEnabled`, as eksctl's `newEFADevicePluginTask`.

use super::nodes::{Connection, action_of};
use super::{AwsCloud, limits, wait_for};
use crate::executor::{StepContext, StepResult};
use crate::plan::{Resource, keys};

const MANIFEST: &str = include_str!("../../templates/efa-device-plugin.yaml");

/// The account of EKS's ECR registry in `region` (eksctl's `EKSResourceAccountID`).
fn eks_registry_account(region: &str) -> &'static str {
    match region {
        "ap-east-1" => "800184023465",
        "ap-east-2" => "533267051163",
        "ca-west-1" => "761377655185",
        "me-central-1" => "759879836304",
        "me-south-1" => "558608220178",
        "cn-northwest-1" => "961992271922",
        "cn-north-1" => "918309763551",
        "af-south-1" => "877085696533",
        "eu-south-1" => "590381155156",
        "eu-south-2" => "455263428931",
        "eu-central-2" => "900612956339",
        "us-gov-west-1" => "013241004608",
        "us-gov-east-1" => "151742754352",
        "ap-south-2" => "900889452093",
        "ap-southeast-3" => "296578399912",
        "il-central-1" => "066635153087",
        "ap-southeast-4" => "491585149902",
        "ap-southeast-5" => "151610086707",
        "ap-southeast-7" => "121268973566",
        "mx-central-1" => "730335286997",
        "ap-southeast-6" => "333609536671",
        _ => "602401143452",
    }
}

/// The DaemonSet for `region`, running on nodes of eksctl's EFA types and of `types`.
pub(crate) fn efa_device_plugin(region: &str, types: &[String]) -> anyhow::Result<serde_json::Value> {
    let suffix = if region.starts_with("cn-") { "amazonaws.com.cn" } else { "amazonaws.com" };
    let registry = format!("{}.dkr.ecr.{region}.{suffix}", eks_registry_account(region));
    let mut ds: serde_json::Value = serde_saphyr::from_str(&MANIFEST.replace("{{registry}}", &registry))?;
    let terms = &mut ds["spec"]["template"]["spec"]["affinity"]["nodeAffinity"]["requiredDuringSchedulingIgnoredDuringExecution"]
        ["nodeSelectorTerms"][0]["matchExpressions"];
    let Some(by_type) = terms
        .as_array_mut()
        .and_then(|e| e.iter_mut().find(|e| e["key"] == "node.kubernetes.io/instance-type"))
        .and_then(|e| e["values"].as_array_mut())
    else {
        anyhow::bail!("the EFA device plugin's manifest has no instance-type affinity");
    };
    for t in types {
        if !by_type.iter().any(|v| v == t.as_str()) {
            by_type.push(t.as_str().into());
        }
    }
    Ok(ds)
}

impl AwsCloud {
    /// Make or replace the EFA device plugin's DaemonSet once the API server answers.
    pub(super) async fn ensure_efa_device_plugin(
        &self,
        ctx: &StepContext<'_>,
        plugin: &Resource,
    ) -> anyhow::Result<StepResult> {
        let Resource::EfaDevicePlugin { instance_types: types, endpoint, certificate_authority } = plugin
        else {
            anyhow::bail!("not the EFA device plugin: {plugin:?}");
        };
        let endpoint = ctx.resolve(endpoint)?;
        let ca = ctx.resolve(certificate_authority)?;
        let ds = efa_device_plugin(&ctx.plan.region, types)?;
        let cluster = ctx.plan.cluster.as_str();
        let what = "the EFA device plugin";
        let connection = Connection::default();
        let made =
            wait_for(&ctx.progress, what, limits::DEVICE_PLUGIN_MADE, || {
                let (endpoint, ca, connection, ds) = (endpoint.clone(), ca.clone(), &connection, &ds);
                async move {
                    connection
                        .attempt(self, cluster, &endpoint, &ca, |api| async move {
                            api.apply_daemon_set(ds).await
                        })
                        .await
                }
            })
            .await?;
        Ok(StepResult::new(action_of(made)).with(keys::NAME, "kube-system/aws-efa-k8s-device-plugin"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_plugin_runs_eksctls_image_of_the_region_on_the_efa_types() {
        let ds = efa_device_plugin("us-west-2", &["c5n.18xlarge".into(), "x9.new".into()]).unwrap();
        let pod = &ds["spec"]["template"]["spec"];
        assert_eq!(
            pod["containers"][0]["image"],
            "602401143452.dkr.ecr.us-west-2.amazonaws.com/eks/aws-efa-k8s-device-plugin:v0.5.4"
        );
        assert_eq!(pod["priorityClassName"], "system-node-critical");
        assert_eq!(pod["hostNetwork"], true);
        let exprs = &pod["affinity"]["nodeAffinity"]["requiredDuringSchedulingIgnoredDuringExecution"]["nodeSelectorTerms"]
            [0]["matchExpressions"];
        let types = exprs[0]["values"].as_array().unwrap();
        assert_eq!(types.iter().filter(|v| *v == "c5n.18xlarge").count(), 1);
        assert!(types.iter().any(|v| v == "x9.new"));
        assert_eq!(exprs[1]["key"], "eks.amazonaws.com/compute-type");
        assert_eq!(exprs[1]["operator"], "NotIn");
        let cn = efa_device_plugin("cn-north-1", &[]).unwrap();
        let image = cn["spec"]["template"]["spec"]["containers"][0]["image"].as_str().unwrap();
        assert!(image.starts_with("918309763551.dkr.ecr.cn-north-1.amazonaws.com.cn/"), "{image}");
    }
}
