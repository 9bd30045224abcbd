//! `eksup drain nodegroup`.

use anyhow::Result;

use crate::cli::DrainNodegroupArgs;
use crate::error::ExitStatus;
use crate::kubernetes::DrainOptions;
use crate::ops::{self, drain::DrainNodegroupOptions};
use crate::output::{OutputFormat, Printer};
use crate::settings::Settings;

pub fn drain_nodegroup(
    args: DrainNodegroupArgs,
    settings: &Settings,
    printer: &Printer,
) -> Result<ExitStatus> {
    let timeout = args.timeout.timeout;
    let options = DrainNodegroupOptions {
        cluster: args.cluster,
        name: args.name,
        approve: args.approve,
        undo: args.undo,
        drain: DrainOptions {
            // Evictions are asked for until the timeout; the run itself gets a little longer, so
            // that it can say which pods stayed.
            patience: timeout,
            max_grace_period: args.max_grace_period,
            eviction_retry: args.pod_eviction_wait_period,
            disable_eviction: args.disable_eviction,
            parallel: usize::from(args.parallel),
        },
        timeout: timeout + std::time::Duration::from_secs(30),
        json: args.output == Some(OutputFormat::Json),
    };
    ops::finish(ops::drain::drain_nodegroup(&options, settings)?, printer)
}
