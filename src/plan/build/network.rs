//! The network: an existing VPC imported as it is, or a new VPC with its subnets, internet and
//! NAT gateways, route tables and network ACLs.

use std::collections::BTreeMap;

use super::{Builder, slug, step_of};
use crate::config::defaults::{DEFAULT_VPC_CIDR, looks_like_zone};
use crate::config::resolved;
use crate::plan::*;

/// A subnet of the cluster, created or imported.
#[derive(Debug, Clone)]
pub(super) struct Subnet {
    /// The key in `vpc.subnets` (a zone name for the subnets eksup lays out).
    pub key: String,
    pub az: String,
    pub kind: SubnetKind,
    /// In one of the cluster's Local Zones: only for node groups that name it.
    pub local: bool,
    /// The subnet's id (an output of the step that creates or imports it).
    pub id: Val,
    /// The route table step of a created subnet.
    pub route_table: Option<StepId>,
}

/// The network the rest of the plan is built in.
pub(super) struct Net {
    pub subnets: Vec<Subnet>,
    pub vpc: Val,
    pub vpc_deps: Vec<StepId>,
    pub vpc_cidr: Option<String>,
    /// Configured subnet ids by key, for node groups that name subnets by id.
    pub ids: BTreeMap<String, String>,
    /// The steps nodes need to reach AWS besides their subnets' (a fully-private cluster's VPC
    /// endpoints).
    pub egress: Vec<StepId>,
}

impl Net {
    /// The subnets a node group or Fargate profile uses: the ones it names (by key or id), else
    /// the public or private ones in its zones (all availability zones, no Local Zone, when it
    /// names none).
    pub fn select(&self, private: bool, azs: &[String], names: &[String]) -> Vec<&Subnet> {
        if !names.is_empty() {
            return self
                .subnets
                .iter()
                .filter(|s| {
                    names.iter().any(|n| *n == s.key || self.ids.get(&s.key).is_some_and(|id| id == n))
                })
                .collect();
        }
        let kind = if private { SubnetKind::Private } else { SubnetKind::Public };
        self.subnets
            .iter()
            .filter(|s| s.kind == kind)
            .filter(|s| if azs.is_empty() { !s.local } else { azs.contains(&s.az) })
            .collect()
    }

    /// The steps nodes in `subnets` need: the subnets', their route tables', an imported VPC's
    /// and the VPC endpoints of a fully-private cluster.
    pub fn deps(&self, subnets: &[&Subnet]) -> Vec<StepId> {
        let mut deps = self.egress.clone();
        for s in subnets {
            deps.extend(step_of(&s.id));
            deps.extend(s.route_table.clone());
        }
        deps.extend(self.imported_vpc());
        deps
    }

    /// The step of an imported VPC, which everything in it waits for.
    pub fn imported_vpc(&self) -> Option<StepId> {
        self.vpc_deps.iter().find(|d| *d == "existing-vpc").cloned()
    }
}

pub(super) fn ids(subnets: &[&Subnet]) -> Vec<Val> {
    subnets.iter().map(|s| s.id.clone()).collect()
}

fn label(kind: SubnetKind) -> &'static str {
    match kind {
        SubnetKind::Public => "public",
        SubnetKind::Private => "private",
    }
}

impl Builder<'_> {
    pub(super) fn network(&mut self) -> Net {
        let res = self.res;
        let vpc = &res.vpc;
        let existing = vpc.id.is_some()
            || vpc.public_subnets.iter().chain(&vpc.private_subnets).any(|(_, s)| s.id.is_some());
        if existing { self.existing_network(vpc) } else { self.new_network(vpc) }
    }

    fn existing_network(&mut self, vpc: &resolved::Vpc) -> Net {
        let mut imported = Vec::new();
        let mut subnets = Vec::new();
        for (kind, list) in
            [(SubnetKind::Public, &vpc.public_subnets), (SubnetKind::Private, &vpc.private_subnets)]
        {
            for (key, s) in list {
                let az = s.az.clone().or_else(|| looks_like_zone(key).then(|| key.clone()));
                let output = format!("subnet-{}-{}", label(kind), slug(key));
                imported.push(ImportedSubnet {
                    key: output.clone(),
                    id: s.id.clone(),
                    az: az.clone(),
                    cidr: s.cidr.clone(),
                    kind,
                });
                let az = az.unwrap_or_default();
                subnets.push(Subnet {
                    key: key.clone(),
                    // A Local Zone's subnet of the user's: only for the groups that name it.
                    local: crate::config::regions::is_local_zone(&self.region, &az),
                    az,
                    kind,
                    id: Val::out("existing-vpc", &output),
                    route_table: None,
                });
            }
        }
        let vpc_id = vpc.id.clone().unwrap_or_default();
        let desc = if vpc_id.is_empty() {
            "existing VPC of the given subnets".to_string()
        } else {
            format!("existing VPC `{vpc_id}`")
        };
        let ipv6 = vpc.ipv6_cluster;
        let step =
            self.add("existing-vpc", desc, Resource::ImportVpc { vpc_id, subnets: imported, ipv6 }, vec![]);
        let ids = vpc
            .public_subnets
            .iter()
            .chain(&vpc.private_subnets)
            .filter_map(|(k, s)| Some((k.clone(), s.id.clone()?)))
            .collect();
        Net {
            ids,
            subnets,
            vpc: Val::out(&step, keys::ID),
            vpc_deps: vec![step],
            vpc_cidr: vpc.cidr.clone(),
            egress: Vec::new(),
        }
    }

    fn new_network(&mut self, vpc: &resolved::Vpc) -> Net {
        let cidr = vpc.cidr.clone().unwrap_or_else(|| DEFAULT_VPC_CIDR.into());
        let ipv6 = vpc.ipv6_blocks;
        let ipv6_pool = vpc.ipv6_pool.clone().map(|(pool, cidr)| Ipv6PoolBlock { pool, cidr });
        let what = match &ipv6_pool {
            Some(p) => format!("VPC `{cidr}` and IPv6 block `{}` of pool `{}`", p.cidr, p.pool),
            None if ipv6 => format!("VPC `{cidr}` and an IPv6 block"),
            None => format!("VPC `{cidr}`"),
        };
        let vpc_step = self.add("vpc", what, Resource::Vpc { cidr: cidr.clone(), ipv6, ipv6_pool }, vec![]);
        let mut net = Net {
            subnets: Vec::new(),
            vpc: Val::out(&vpc_step, keys::ID),
            vpc_deps: vec![vpc_step],
            vpc_cidr: Some(cidr.clone()),
            ids: BTreeMap::new(),
            egress: Vec::new(),
        };
        for (kind, list, local) in [
            (SubnetKind::Public, &vpc.public_subnets, false),
            (SubnetKind::Private, &vpc.private_subnets, false),
            (SubnetKind::Public, &vpc.local_public_subnets, true),
            (SubnetKind::Private, &vpc.local_private_subnets, true),
        ] {
            for (key, s) in list {
                let ipv6 = vpc.ipv6_blocks.then(|| SubnetIpv6 {
                    vpc_block: Val::out(&net.vpc_deps[0], keys::IPV6_CIDR),
                    index: self.ipv6_index(kind, key, s, net.subnets.len()),
                    assign_on_create: vpc.ipv6_cluster,
                });
                let mut subnet = self.subnet(&net, kind, key, s, ipv6, vpc.hostname_type.clone());
                subnet.local = local;
                net.subnets.push(subnet);
            }
        }
        self.public_routes(&mut net);
        let nats = self.nat_gateways(&net, &vpc.nat_gateway);
        if vpc.network_acls {
            self.network_acls(&net, &cidr);
        }
        let egress_only = vpc.ipv6_cluster.then(|| {
            self.add(
                "egress-only-internet-gateway",
                "egress-only internet gateway (IPv6 out of the private subnets)",
                Resource::EgressOnlyInternetGateway { vpc: net.vpc.clone() },
                net.vpc_deps.clone(),
            )
        });
        let remote = self.remote_gateway(&net);
        self.private_routes(&mut net, &nats, egress_only.as_ref(), remote.as_ref());
        net
    }

    /// The hybrid nodes' gateway (`remoteNetworkConfig.vpcGatewayID`) attached to the VPC, as
    /// eksctl's `addHybridNodesNetworking` does: a transit gateway's attachment takes the
    /// private subnets of the availability zones, one per zone. Its step and routes, if any.
    fn remote_gateway(&mut self, net: &Net) -> Option<(StepId, RemoteRoutes)> {
        let rnc = self.cfg.hybrid_nodes()?;
        let gateway_id = rnc.vpc_gateway_id.clone()?;
        let cidrs: Vec<String> = [&rnc.remote_node_networks, &rnc.remote_pod_networks]
            .into_iter()
            .flatten()
            .flatten()
            .flat_map(|n| n.cidrs.iter().flatten().cloned())
            .collect();
        let mut subnets: Vec<&Subnet> = Vec::new();
        for s in net.subnets.iter().filter(|s| s.kind == SubnetKind::Private && !s.local) {
            if !subnets.iter().any(|p| p.az == s.az) {
                subnets.push(s);
            }
        }
        let transit = gateway_id.starts_with("tgw-");
        let mut deps = net.vpc_deps.clone();
        if transit {
            deps.extend(subnets.iter().filter_map(|s| step_of(&s.id)));
        }
        let what = if transit {
            format!("transit gateway `{gateway_id}` attached to the VPC in the private subnets")
        } else {
            format!("virtual private gateway `{gateway_id}` attached to the VPC")
        };
        let refs = if transit {
            subnets.iter().map(|s| SubnetRef { az: s.az.clone(), kind: s.kind, id: s.id.clone() }).collect()
        } else {
            Vec::new()
        };
        let step = self.add(
            "gateway-attachment",
            what,
            Resource::GatewayAttachment {
                vpc: net.vpc.clone(),
                gateway_id: gateway_id.clone(),
                subnets: refs,
            },
            deps,
        );
        Some((step, RemoteRoutes { cidrs, gateway_id }))
    }

    fn subnet(
        &mut self,
        net: &Net,
        kind: SubnetKind,
        key: &str,
        s: &crate::config::AZSubnetSpec,
        ipv6: Option<SubnetIpv6>,
        hostname_type: Option<String>,
    ) -> Subnet {
        let label = label(kind);
        let az = s.az.clone().unwrap_or_else(|| key.to_string());
        let id = format!("subnet-{label}-{}", slug(key));
        let cidr = s.cidr.clone().unwrap_or_default();
        let v6 = ipv6.as_ref().map(|v| format!(" and IPv6 /64 #{}", v.index)).unwrap_or_default();
        let v6 = match &ipv6 {
            Some(v) if v.assign_on_create => format!("{v6} (addresses assigned on launch)"),
            _ => v6,
        };
        self.add(
            &id,
            format!("{label} subnet `{cidr}`{v6} in `{az}`"),
            Resource::Subnet { vpc: net.vpc.clone(), az: az.clone(), cidr, kind, ipv6, hostname_type },
            net.vpc_deps.clone(),
        );
        Subnet {
            key: key.to_string(),
            az,
            kind,
            local: false,
            id: Val::out(&id, keys::ID),
            route_table: None,
        }
    }

    /// A new subnet's /64 of the VPC's IPv6 block, numbered as eksctl numbers them (its
    /// `CIDRIndex`): the public subnet of the i-th of `availabilityZones` then `localZones` takes
    /// i, the private one i + the number of zones, in the order the IPv4 blocks are carved;
    /// `fallback` for a subnet the file names by alias.
    fn ipv6_index(
        &self,
        kind: SubnetKind,
        key: &str,
        s: &crate::config::AZSubnetSpec,
        fallback: usize,
    ) -> u32 {
        let zones: Vec<&String> = self
            .cfg
            .availability_zones
            .iter()
            .flatten()
            .chain(self.cfg.local_zones.iter().flatten())
            .collect();
        let az = s.az.as_deref().unwrap_or(key);
        let index = match zones.iter().position(|z| *z == az) {
            Some(i) if kind == SubnetKind::Public => i,
            Some(i) => i + zones.len(),
            None => fallback,
        };
        u32::try_from(index).unwrap_or(u32::MAX)
    }

    fn members(net: &Net, kind: SubnetKind) -> Vec<usize> {
        (0..net.subnets.len()).filter(|i| net.subnets[*i].kind == kind).collect()
    }

    /// The internet gateway and the public route table, when there are public subnets.
    fn public_routes(&mut self, net: &mut Net) {
        let public = Self::members(net, SubnetKind::Public);
        if public.is_empty() {
            return;
        }
        let igw = self.add(
            "internet-gateway",
            "internet gateway",
            Resource::InternetGateway { vpc: net.vpc.clone() },
            net.vpc_deps.clone(),
        );
        let mut deps = net.vpc_deps.clone();
        deps.push(igw.clone());
        deps.extend(public.iter().filter_map(|i| step_of(&net.subnets[*i].id)));
        let ipv6 = self.res.vpc.ipv6_blocks;
        let what = if ipv6 {
            "public route table (0.0.0.0/0 and ::/0 via the internet gateway)"
        } else {
            "public route table (0.0.0.0/0 via the internet gateway)"
        };
        let rt = self.add(
            "route-table-public",
            what,
            Resource::RouteTable {
                vpc: net.vpc.clone(),
                kind: SubnetKind::Public,
                az: None,
                default_route: Some(Val::out(&igw, keys::ID)),
                ipv6_route: ipv6.then(|| Val::out(&igw, keys::ID)),
                subnets: public.iter().map(|i| net.subnets[*i].id.clone()).collect(),
                remote: None,
            },
            deps,
        );
        for i in &public {
            net.subnets[*i].route_table = Some(rt.clone());
        }
    }

    /// The NAT gateways (one, one per zone, or none) with their elastic IPs, by zone.
    fn nat_gateways(&mut self, net: &Net, mode: &str) -> BTreeMap<String, StepId> {
        let public = Self::members(net, SubnetKind::Public);
        let private = Self::members(net, SubnetKind::Private);
        let mut nats = BTreeMap::new();
        if mode == "Disable" || public.is_empty() || private.is_empty() {
            return nats;
        }
        let ha = mode == "HighlyAvailable";
        // In the availability zones only: a Local Zone's private subnets route through them.
        let public: Vec<usize> = public.into_iter().filter(|i| !net.subnets[*i].local).collect();
        let Some(first) = public.first().copied() else { return nats };
        let zones: Vec<usize> = if ha { public } else { vec![first] };
        for i in zones {
            let Subnet { az, id: subnet, .. } = net.subnets[i].clone();
            let suffix = if ha { format!("-{}", slug(&az)) } else { String::new() };
            let eip = self.add(
                format!("elastic-ip{suffix}"),
                format!("elastic IP for the NAT gateway in `{az}`"),
                Resource::ElasticIp { az: az.clone() },
                vec![],
            );
            let mut deps = vec![eip.clone()];
            deps.extend(step_of(&subnet));
            deps.extend(self.steps.iter().filter(|s| s.id == "internet-gateway").map(|s| s.id.clone()));
            let nat = self.add(
                format!("nat-gateway{suffix}"),
                format!("NAT gateway in `{az}`"),
                Resource::NatGateway { az: az.clone(), subnet, allocation: Val::out(&eip, keys::ID) },
                deps,
            );
            nats.insert(az, nat);
        }
        nats
    }

    /// One network ACL per subnet kind (an eksup extension).
    fn network_acls(&mut self, net: &Net, cidr: &str) {
        for kind in [SubnetKind::Public, SubnetKind::Private] {
            let members = Self::members(net, kind);
            if members.is_empty() {
                continue;
            }
            let label = label(kind);
            let mut deps = net.vpc_deps.clone();
            deps.extend(members.iter().filter_map(|i| step_of(&net.subnets[*i].id)));
            let rules = nacl_rules(kind, cidr);
            self.add(
                format!("network-acl-{label}"),
                format!("network ACL for the {label} subnets ({} rules)", rules.len()),
                Resource::NetworkAcl {
                    vpc: net.vpc.clone(),
                    kind,
                    subnets: members.iter().map(|i| net.subnets[*i].id.clone()).collect(),
                    rules,
                },
                deps,
            );
        }
    }

    /// A route table per private subnet: to the NAT gateway of its zone, else the first one,
    /// and IPv6 through the egress-only gateway, if any.
    fn private_routes(
        &mut self,
        net: &mut Net,
        nats: &BTreeMap<String, StepId>,
        egress_only: Option<&StepId>,
        remote: Option<&(StepId, RemoteRoutes)>,
    ) {
        let first_nat = nats.values().next().cloned();
        for i in Self::members(net, SubnetKind::Private) {
            let Subnet { key, az, id: subnet, .. } = net.subnets[i].clone();
            let nat = nats.get(&az).cloned().or_else(|| first_nat.clone());
            let mut deps = net.vpc_deps.clone();
            deps.extend(step_of(&subnet));
            deps.extend(nat.clone());
            deps.extend(egress_only.cloned());
            deps.extend(remote.map(|(step, _)| step.clone()));
            let route = nat.as_ref().map(|n| Val::out(n, keys::ID));
            let via = match (route.is_some(), egress_only.is_some()) {
                (true, true) => "0.0.0.0/0 via the NAT gateway, ::/0 via the egress-only gateway",
                (false, true) => "::/0 via the egress-only gateway",
                (true, false) => "0.0.0.0/0 via the NAT gateway",
                (false, false) => "no internet route",
            };
            let via = match remote {
                Some((_, r)) => format!("{via}; the remote networks via `{}`", r.gateway_id),
                None => via.to_string(),
            };
            let rt = self.add(
                format!("route-table-private-{}", slug(&key)),
                format!("private route table for `{az}` ({via})"),
                Resource::RouteTable {
                    vpc: net.vpc.clone(),
                    kind: SubnetKind::Private,
                    az: Some(az.clone()),
                    default_route: route,
                    ipv6_route: egress_only.map(|e| Val::out(e, keys::ID)),
                    subnets: vec![subnet],
                    remote: remote.map(|(_, r)| r.clone()),
                },
                deps,
            );
            net.subnets[i].route_table = Some(rt);
        }
    }
}

/// The rules that keep EKS working behind network ACLs (which are stateless: replies need rules
/// too). Inside the VPC: HTTPS (nodes and the control plane's interfaces), the kubelet (10250) and
/// DNS; from anywhere: ephemeral ports (1024-65535, the replies to what nodes and the NAT gateway
/// sent out); out: HTTPS and HTTP (AWS APIs, images), the same VPC ports, ephemeral ports (replies,
/// and what the NAT gateway forwards back to private nodes). The public subnets also take HTTP and
/// HTTPS from the internet, for load balancers and the NAT gateway's traffic from private nodes.
/// Pods have addresses of the subnets, so all traffic within the VPC is allowed last.
fn nacl_rules(kind: SubnetKind, vpc_cidr: &str) -> Vec<NaclRule> {
    const ANY: &str = "0.0.0.0/0";
    let rule = |n: i32, egress: bool, proto: &str, cidr: &str, ports: (i32, i32), what: &str| NaclRule {
        rule_number: n,
        egress,
        protocol: proto.to_string(),
        cidr: cidr.to_string(),
        from_port: ports.0,
        to_port: ports.1,
        description: what.to_string(),
    };
    let mut rules = Vec::new();
    for egress in [false, true] {
        rules.extend([
            rule(100, egress, "6", vpc_cidr, (443, 443), "HTTPS within the VPC (API server, nodes)"),
            rule(110, egress, "6", vpc_cidr, (10250, 10250), "kubelet within the VPC"),
            rule(120, egress, "6", vpc_cidr, (53, 53), "DNS over TCP within the VPC"),
            rule(130, egress, "17", vpc_cidr, (53, 53), "DNS within the VPC"),
            rule(140, egress, "6", ANY, (1024, 65535), "ephemeral ports (replies, NAT return traffic)"),
            rule(150, egress, "17", ANY, (1024, 65535), "ephemeral UDP ports (DNS and NTP replies)"),
        ]);
    }
    rules.extend([
        rule(200, true, "6", ANY, (443, 443), "HTTPS out (AWS APIs, registries)"),
        rule(210, true, "6", ANY, (80, 80), "HTTP out (packages)"),
        rule(220, true, "17", ANY, (123, 123), "NTP out"),
    ]);
    if kind == SubnetKind::Public {
        rules.extend([
            rule(200, false, "6", ANY, (443, 443), "HTTPS in (load balancers, NAT traffic)"),
            rule(210, false, "6", ANY, (80, 80), "HTTP in (load balancers, NAT traffic)"),
        ]);
    }
    // Pods get addresses of the subnets and talk to each other on any port.
    for egress in [false, true] {
        rules.push(rule(300, egress, "-1", vpc_cidr, (0, 0), "pod to pod within the VPC"));
    }
    rules.sort_by_key(|r| (r.egress, r.rule_number));
    rules
}
