//! What exists in the emulator for a cluster, by kind: ids found by the ownership tags (or the
//! names eksup gives), read with awscli. The one check that nothing is left after a delete is
//! [`Inventory::assert_empty`].

use std::collections::BTreeMap;

use serde_json::Value;

use super::Emulator;

/// A JSON string as it is, anything else as JSON text.
pub fn str_of(v: &Value) -> String {
    v.as_str().map_or_else(|| v.to_string(), str::to_string)
}

/// Tags of an AWS object: EC2/IAM/ASG style `Tags: [{Key, Value}]` or EKS/ECR style
/// `tags: {k: v}`.
pub fn tags_of(v: &Value) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for key in ["Tags", "tags"] {
        match &v[key] {
            Value::Array(list) => {
                for t in list {
                    out.insert(str_of(&t["Key"]), str_of(&t["Value"]));
                }
            }
            Value::Object(map) => {
                for (k, val) in map {
                    out.insert(k.clone(), str_of(val));
                }
            }
            _ => {}
        }
    }
    out
}

/// Sorted ids (or names) by resource kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inventory(pub BTreeMap<&'static str, Vec<String>>);

/// Which resources an [`Inventory`] counts as the cluster's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scope {
    /// Those tied to the cluster by tags or by the names eksup gives.
    Owned,
    /// Also, for the kinds a fresh account has none of, every one whoever's tags it carries.
    Sole,
}

/// Whether a resource's tags tie it to `cluster`: eksup's ownership tag, or the tags EKS and
/// Kubernetes put on what they make for it (the cluster security group, the node group's
/// Auto Scaling group and instances, for example).
fn belongs(v: &Value, cluster: &str) -> bool {
    let tags = tags_of(v);
    tags.get("eksup.io/cluster").map(String::as_str) == Some(cluster)
        || tags.get("aws:eks:cluster-name").map(String::as_str) == Some(cluster)
        || tags.get("eks:cluster-name").map(String::as_str) == Some(cluster)
        || tags.contains_key(&format!("kubernetes.io/cluster/{cluster}"))
}

fn items<'a>(v: &'a Value, key: &str) -> &'a [Value] {
    v[key].as_array().map_or(&[], Vec::as_slice)
}

impl Inventory {
    /// What exists of `cluster`: found by its tags (see `belongs`) or by the names eksup gives.
    pub fn owned(emu: &Emulator, cluster: &str) -> Inventory {
        Inventory::collect(emu, cluster, Scope::Owned)
    }

    /// What exists of `cluster` in an emulator that holds no other: [`Inventory::owned`] and,
    /// of the kinds a fresh account has none of, every one whatever its tags or name (NAT
    /// gateways, Auto Scaling groups, EKS clusters, instance profiles, pending or running
    /// instances, ECR repositories), and every IAM role whose name contains the cluster's.
    /// What lost its tags or its name is found too.
    pub fn sole(emu: &Emulator, cluster: &str) -> Inventory {
        Inventory::collect(emu, cluster, Scope::Sole)
    }

    fn collect(emu: &Emulator, cluster: &str, scope: Scope) -> Inventory {
        let sole = scope == Scope::Sole;
        let mut m: BTreeMap<&'static str, Vec<String>> = BTreeMap::new();
        // `untagged`: in the sole scope, a kind a fresh account has none of (not VPCs, subnets,
        // route tables or security groups: the default VPC has them).
        let mut ec2 = |kind: &'static str,
                       args: &[&str],
                       list: &str,
                       id: &str,
                       untagged: bool,
                       keep: &dyn Fn(&Value) -> bool| {
            let out = emu.aws(args);
            let ids = items(&out, list)
                .iter()
                .filter(|v| ((sole && untagged) || belongs(v, cluster)) && keep(v))
                .map(|v| str_of(&v[id]));
            m.insert(kind, ids.collect());
        };
        let all = |_: &Value| true;
        ec2("vpcs", &["ec2", "describe-vpcs"], "Vpcs", "VpcId", false, &all);
        ec2("subnets", &["ec2", "describe-subnets"], "Subnets", "SubnetId", false, &all);
        ec2(
            "internet gateways",
            &["ec2", "describe-internet-gateways"],
            "InternetGateways",
            "InternetGatewayId",
            false,
            &all,
        );
        ec2(
            "egress-only internet gateways",
            &["ec2", "describe-egress-only-internet-gateways"],
            "EgressOnlyInternetGateways",
            "EgressOnlyInternetGatewayId",
            true,
            &all,
        );
        // A deleted endpoint stays listed as `deleted` for a while (as in AWS).
        ec2(
            "vpc endpoints",
            &["ec2", "describe-vpc-endpoints"],
            "VpcEndpoints",
            "VpcEndpointId",
            true,
            &|v: &Value| v["State"] != "deleted" && v["State"] != "Deleted",
        );
        // moto keeps deleted NAT gateways listed (state `deleted`), like AWS does for a while. The
        // NAT gateway of a test's user network (`Emulator::nat_egress`) is the user's.
        ec2(
            "nat gateways",
            &["ec2", "describe-nat-gateways"],
            "NatGateways",
            "NatGatewayId",
            true,
            &|v: &Value| {
                v["State"] != "deleted"
                    && !v["Tags"].as_array().is_some_and(|t| {
                        t.iter().any(|t| t["Key"] == crate::support::emulator::USER_NETWORK_TAG)
                    })
            },
        );
        ec2("elastic ips", &["ec2", "describe-addresses"], "Addresses", "AllocationId", false, &all);
        ec2("route tables", &["ec2", "describe-route-tables"], "RouteTables", "RouteTableId", false, &all);
        ec2(
            "security groups",
            &["ec2", "describe-security-groups"],
            "SecurityGroups",
            "GroupId",
            false,
            &all,
        );
        ec2(
            "launch templates",
            &["ec2", "describe-launch-templates"],
            "LaunchTemplates",
            "LaunchTemplateName",
            false,
            &all,
        );
        ec2("key pairs", &["ec2", "describe-key-pairs"], "KeyPairs", "KeyName", false, &all);
        ec2(
            "placement groups",
            &["ec2", "describe-placement-groups"],
            "PlacementGroups",
            "GroupName",
            false,
            &all,
        );
        ec2(
            "auto scaling groups",
            &["autoscaling", "describe-auto-scaling-groups"],
            "AutoScalingGroups",
            "AutoScalingGroupName",
            true,
            &all,
        );
        let running = emu.aws(&[
            "ec2",
            "describe-instances",
            "--filters",
            "Name=instance-state-name,Values=pending,running",
        ]);
        let instances = items(&running, "Reservations")
            .iter()
            .flat_map(|r| items(r, "Instances"))
            .filter(|i| sole || belongs(i, cluster))
            .map(|i| str_of(&i["InstanceId"]));
        m.insert("instances", instances.collect());

        let prefix = format!("eksup-{cluster}-");
        let named = |out: Value, list: &str, key: &str, mine: &dyn Fn(&str) -> bool| -> Vec<String> {
            items(&out, list)
                .iter()
                .map(|v| str_of(&v[key]))
                .filter(|n| n.starts_with(&prefix) || mine(n))
                .collect()
        };
        let role = |name: &str| sole && name.contains(cluster);
        m.insert("iam roles", named(emu.aws(&["iam", "list-roles"]), "Roles", "RoleName", &role));
        m.insert(
            "instance profiles",
            named(
                emu.aws(&["iam", "list-instance-profiles"]),
                "InstanceProfiles",
                "InstanceProfileName",
                &|_| sole,
            ),
        );
        let oidc = emu.aws(&["iam", "list-open-id-connect-providers"]);
        m.insert(
            "oidc providers",
            items(&oidc, "OpenIDConnectProviderList").iter().map(|p| str_of(&p["Arn"])).collect(),
        );
        // IAM Roles Anywhere (hybrid nodes with `IRA`): by eksup's names.
        for (kind, args, key) in [
            ("trust anchors", ["rolesanywhere", "list-trust-anchors"], "trustAnchors"),
            ("anywhere profiles", ["rolesanywhere", "list-profiles"], "profiles"),
        ] {
            m.insert(kind, named(emu.aws(&args), key, "name", &|_| sole));
        }

        let clusters = emu.aws(&["eks", "list-clusters"]);
        let exists = items(&clusters, "clusters").iter().any(|c| c == cluster);
        let listed = items(&clusters, "clusters").iter().map(str_of).filter(|c| sole || c == cluster);
        m.insert("eks clusters", listed.collect());
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
            if sole || belongs(&tags, cluster) {
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

    /// The kinds of which something is left (ECR repositories aside when `keep_repos`).
    pub fn left(&self, keep_repos: bool) -> BTreeMap<&'static str, &Vec<String>> {
        self.0
            .iter()
            .filter(|(_, ids)| !ids.is_empty())
            .filter(|(kind, _)| !(keep_repos && **kind == "ecr repositories"))
            .map(|(kind, ids)| (*kind, ids))
            .collect()
    }

    /// Nothing left (ECR repositories aside when `keep_repos`): the check after every delete.
    #[track_caller]
    pub fn assert_empty(&self, keep_repos: bool) {
        let left = self.left(keep_repos);
        assert!(left.is_empty(), "left behind after delete: {left:?}");
    }
}
