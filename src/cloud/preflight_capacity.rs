//! Before a create whose node groups target a Capacity Reservation or a Capacity Block
//! (`capacityReservationTarget.capacityReservationID`): EC2 launches a node into a reservation
//! only when it exists, is active, and holds the node's instance type in the node's zone (the EC2
//! user guide, "Launch instances into an existing Capacity Reservation"). Otherwise every launch
//! fails, and the create would wait in vain for nodes that never come; the commonest slip is a
//! group spread over the VPC's zones while the reservation is in one of them.

use std::collections::{BTreeSet, HashMap};

use super::AwsCloud;
use super::error::ApiResult as _;
use super::preflight::Findings;
use crate::config::resolved::CapacityUse;
use crate::plan::{Plan, Resource, Val};
use aws_sdk_ec2::types::CapacityReservation;

/// A node group that targets one reservation: what its launches ask of it.
struct Claim {
    group: String,
    reservation: String,
    instance_type: Option<String>,
    zones: BTreeSet<String>,
    nodes: i32,
}

/// The zone of a subnet the plan makes, or of one it imports with its zone given.
fn zone_of(plan: &Plan, v: &Val) -> Option<String> {
    let Val::Out(r) = v else { return None };
    plan.steps.iter().find(|s| s.id == r.step).and_then(|s| match &s.resource {
        Resource::Subnet { az, .. } => Some(az.clone()),
        Resource::ImportVpc { subnets, .. } => {
            subnets.iter().find(|i| i.key == r.key).and_then(|i| i.az.clone())
        }
        _ => None,
    })
}

/// Each node group whose launch template targets a reservation by id.
fn claims(plan: &Plan) -> Vec<Claim> {
    let mut out = Vec::new();
    for s in &plan.steps {
        let Resource::LaunchTemplate(lt) = &s.resource else { continue };
        let Some(CapacityUse::Target { reservation_id: Some(id), .. }) = &lt.instance.capacity else {
            continue;
        };
        let Some(g) = plan.group_of_template(&s.id) else { continue };
        let types = g.instance_types;
        out.push(Claim {
            group: g.name,
            reservation: id.clone(),
            instance_type: lt.instance_type.clone().or_else(|| (types.len() == 1).then(|| types[0].clone())),
            zones: g.subnets.iter().filter_map(|v| zone_of(plan, v)).collect(),
            nodes: g.desired,
        });
    }
    out
}

impl AwsCloud {
    /// Node groups whose targeted reservation would take none of their nodes: a problem each.
    pub(super) async fn preflight_capacity(&self, plan: &Plan) -> Findings {
        let mut f = Findings::default();
        let claims = claims(plan);
        if claims.is_empty() {
            return f;
        }
        let ids: BTreeSet<&str> = claims.iter().map(|c| c.reservation.as_str()).collect();
        match self.capacity_reservations(&ids).await {
            Ok(found) => {
                for claim in &claims {
                    check_claim(plan, claim, found.get(&claim.reservation), &mut f);
                }
            }
            Err(e) => f.notes.push(format!("capacity reservations not checked: {e}")),
        }
        f
    }

    /// The reservations of `ids` that exist, by id: one DescribeCapacityReservations for all of
    /// them, and, when EC2 refuses it for an id it does not know (the whole call fails), one
    /// per id to tell which.
    async fn capacity_reservations(
        &self,
        ids: &BTreeSet<&str>,
    ) -> Result<HashMap<String, CapacityReservation>, super::error::CloudError> {
        let by_id = |all: &[CapacityReservation]| -> HashMap<String, CapacityReservation> {
            all.iter()
                .filter_map(|r| r.capacity_reservation_id().map(|id| (id.to_string(), r.clone())))
                .collect()
        };
        let all = self
            .ec2
            .describe_capacity_reservations()
            .set_capacity_reservation_ids(Some(ids.iter().map(|i| (*i).to_string()).collect()))
            .send()
            .await
            .api("DescribeCapacityReservations");
        match all {
            Ok(out) => return Ok(by_id(out.capacity_reservations())),
            Err(e) if e.is_not_found() && ids.len() > 1 => {}
            Err(e) if e.is_not_found() => return Ok(HashMap::new()),
            Err(e) => return Err(e),
        }
        let mut found = HashMap::new();
        for id in ids {
            let one = self
                .ec2
                .describe_capacity_reservations()
                .capacity_reservation_ids(*id)
                .send()
                .await
                .api("DescribeCapacityReservations");
            match one {
                Ok(out) => found.extend(by_id(out.capacity_reservations())),
                Err(e) if e.is_not_found() => {}
                Err(e) => return Err(e),
            }
        }
        Ok(found)
    }
}

/// A problem each for what reservation `found` (none: it does not exist) would refuse of `c`.
fn check_claim(plan: &Plan, c: &Claim, found: Option<&CapacityReservation>, f: &mut Findings) {
    let (group, id) = (&c.group, &c.reservation);
    let Some(r) = found else {
        f.problem(
            format!(
                "the capacity reservation `{id}` of node group `{group}` does not exist in `{}`",
                plan.region
            ),
            format!("check its id with `aws ec2 describe-capacity-reservations --region {}`", plan.region),
        );
        return;
    };
    let state = r.state().map(|s| s.as_str()).unwrap_or_default();
    match state {
        "active" => {}
        "scheduled" | "payment-pending" | "pending" => {
            let start = r.start_date().map(|d| format!(" at `{d}`")).unwrap_or_default();
            f.problem(
                format!("the capacity reservation `{id}` of node group `{group}` starts{start}: EC2 launches no node into it before"),
                "create the group with `desiredCapacity: 0` and scale it once the reservation is active",
            );
        }
        other => f.problem(
            format!("the capacity reservation `{id}` of node group `{group}` is `{other}`: EC2 launches no node into it"),
            "target an active reservation, or remove `capacityReservation`",
        ),
    }
    let held = r.instance_type().unwrap_or_default();
    if let Some(t) = c.instance_type.as_deref().filter(|t| *t != held) {
        f.problem(
            format!(
                "node group `{group}` launches `{t}`, and its capacity reservation `{id}` holds `{held}`"
            ),
            format!("set `instanceType: {held}` on the group, or target a reservation of `{t}`"),
        );
    }
    let zone = r.availability_zone().unwrap_or_default();
    let elsewhere: Vec<&String> = c.zones.iter().filter(|z| z.as_str() != zone).collect();
    if !elsewhere.is_empty() {
        let list = elsewhere.iter().map(|z| format!("`{z}`")).collect::<Vec<_>>().join(", ");
        f.problem(
            format!("node group `{group}` launches in {list} too, and its capacity reservation `{id}` is in `{zone}` only: EC2 refuses those launches"),
            format!("set `availabilityZones: [{zone}]` on the node group"),
        );
    }
    let total = r.total_instance_count().unwrap_or_default();
    if c.nodes > total {
        f.problem(
            format!(
                "node group `{group}` wants {} nodes, and its capacity reservation `{id}` holds {total}",
                c.nodes
            ),
            format!("set `desiredCapacity` to at most {total}"),
        );
    }
}
