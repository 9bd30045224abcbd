//! What exists in the emulator for a cluster, by kind: ids found by the ownership tags (or the
//! names eksup gives), read with awscli.

use std::collections::BTreeMap;

use serde_json::Value;

use super::check::tags_of;
use super::str_of;
use crate::support::Emulator;

/// Sorted ids (or names) by resource kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inventory(pub BTreeMap<&'static str, Vec<String>>);

/// Whether a resource's tags tie it to `cluster`: eksup's ownership tag, or the tags EKS and
/// Kubernetes put on what they make for it (the cluster security group, for example).
fn belongs(v: &Value, cluster: &str) -> bool {
    let tags = tags_of(v);
    tags.get("eksup.io/cluster").map(String::as_str) == Some(cluster)
        || tags.get("aws:eks:cluster-name").map(String::as_str) == Some(cluster)
        || tags.contains_key(&format!("kubernetes.io/cluster/{cluster}"))
}

fn items<'a>(v: &'a Value, key: &str) -> &'a [Value] {
    v[key].as_array().map_or(&[], Vec::as_slice)
}

impl Inventory {
    pub fn owned(emu: &Emulator, cluster: &str) -> Inventory {
        let mut m: BTreeMap<&'static str, Vec<String>> = BTreeMap::new();
        let mut ec2 =
            |kind: &'static str, args: &[&str], list: &str, id: &str, keep: &dyn Fn(&Value) -> bool| {
                let out = emu.aws(args);
                let ids = items(&out, list)
                    .iter()
                    .filter(|v| belongs(v, cluster) && keep(v))
                    .map(|v| str_of(&v[id]));
                m.insert(kind, ids.collect());
            };
        let all = |_: &Value| true;
        ec2("vpcs", &["ec2", "describe-vpcs"], "Vpcs", "VpcId", &all);
        ec2("subnets", &["ec2", "describe-subnets"], "Subnets", "SubnetId", &all);
        ec2(
            "internet gateways",
            &["ec2", "describe-internet-gateways"],
            "InternetGateways",
            "InternetGatewayId",
            &all,
        );
        // moto keeps deleted NAT gateways listed (state `deleted`), like AWS does for a while.
        ec2(
            "nat gateways",
            &["ec2", "describe-nat-gateways"],
            "NatGateways",
            "NatGatewayId",
            &|v: &Value| v["State"] != "deleted",
        );
        ec2("elastic ips", &["ec2", "describe-addresses"], "Addresses", "AllocationId", &all);
        ec2("route tables", &["ec2", "describe-route-tables"], "RouteTables", "RouteTableId", &all);
        ec2("security groups", &["ec2", "describe-security-groups"], "SecurityGroups", "GroupId", &all);
        ec2(
            "launch templates",
            &["ec2", "describe-launch-templates"],
            "LaunchTemplates",
            "LaunchTemplateName",
            &all,
        );
        ec2(
            "auto scaling groups",
            &["autoscaling", "describe-auto-scaling-groups"],
            "AutoScalingGroups",
            "AutoScalingGroupName",
            &all,
        );

        let prefix = format!("eksup-{cluster}-");
        let named = |out: Value, list: &str, key: &str| -> Vec<String> {
            items(&out, list).iter().map(|v| str_of(&v[key])).filter(|n| n.starts_with(&prefix)).collect()
        };
        m.insert("iam roles", named(emu.aws(&["iam", "list-roles"]), "Roles", "RoleName"));
        m.insert(
            "instance profiles",
            named(emu.aws(&["iam", "list-instance-profiles"]), "InstanceProfiles", "InstanceProfileName"),
        );
        let oidc = emu.aws(&["iam", "list-open-id-connect-providers"]);
        m.insert(
            "oidc providers",
            items(&oidc, "OpenIDConnectProviderList").iter().map(|p| str_of(&p["Arn"])).collect(),
        );

        let clusters = emu.aws(&["eks", "list-clusters"]);
        let exists = items(&clusters, "clusters").iter().any(|c| c == cluster);
        m.insert("eks clusters", if exists { vec![cluster.to_string()] } else { Vec::new() });
        let eks_list = |args: &[&str], key: &str| -> Vec<String> {
            if !exists {
                return Vec::new();
            }
            let mut a = args.to_vec();
            a.extend(["--cluster-name", cluster]);
            items(&emu.aws(&a), key).iter().map(str_of).collect()
        };
        m.insert("nodegroups", eks_list(&["eks", "list-nodegroups"], "nodegroups"));
        m.insert("fargate profiles", eks_list(&["eks", "list-fargate-profiles"], "fargateProfileNames"));
        m.insert("addons", eks_list(&["eks", "list-addons"], "addons"));
        m.insert("access entries", eks_list(&["eks", "list-access-entries"], "accessEntries"));

        let repos = emu.aws(&["ecr", "describe-repositories"]);
        let mut owned_repos = Vec::new();
        for r in items(&repos, "repositories") {
            let arn = str_of(&r["repositoryArn"]);
            let tags = emu.aws(&["ecr", "list-tags-for-resource", "--resource-arn", &arn]);
            if belongs(&tags, cluster) {
                owned_repos.push(str_of(&r["repositoryName"]));
            }
        }
        m.insert("ecr repositories", owned_repos);
        for ids in m.values_mut() {
            ids.sort();
        }
        Inventory(m)
    }

    pub fn count(&self, kind: &str) -> usize {
        self.0.get(kind).map_or_else(|| panic!("unknown kind `{kind}`"), Vec::len)
    }

    /// The very same resources (same ids).
    #[track_caller]
    pub fn assert_same(&self, before: &Inventory, when: &str) {
        for (kind, ids) in &self.0 {
            assert_eq!(ids, &before.0[kind], "{kind} {when}: before {:?}, now {ids:?}", before.0[kind]);
        }
    }

    /// As many resources of each kind (ids differ between emulators).
    #[track_caller]
    pub fn assert_same_shape(&self, other: &Inventory, when: &str) {
        for (kind, ids) in &self.0 {
            assert_eq!(ids.len(), other.0[kind].len(), "{kind} {when}: {ids:?} vs {:?}", other.0[kind]);
        }
        assert!(self.count("vpcs") >= 1, "empty inventory {when}: {self:?}");
    }

    /// Nothing left (ECR repositories aside when `keep_repos`).
    #[track_caller]
    pub fn assert_empty(&self, keep_repos: bool) {
        let left: BTreeMap<_, _> = self
            .0
            .iter()
            .filter(|(_, ids)| !ids.is_empty())
            .filter(|(kind, _)| !(keep_repos && **kind == "ecr repositories"))
            .collect();
        assert!(left.is_empty(), "left behind after delete: {left:?}");
    }
}
