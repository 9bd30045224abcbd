//! Build a plan from a validated config.
use super::Plan;

#[derive(Debug, Clone, Default)]
pub struct PlanOptions;

pub fn build(_opts: &PlanOptions) -> Option<Plan> {
    None
}
