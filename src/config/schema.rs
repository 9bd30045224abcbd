//! The JSON Schema people's editors use (`eksup utils schema`): the schema generated from
//! [`super::types`], made as strict as the loader. Unknown keys are errors; eksctl's fields that
//! eksup does not support yet are listed, described as such, and refused; values carry the enums,
//! patterns and ranges that [`super::validate`] applies, and fields carry their defaults.
//!
//! The loader itself walks the generated schema ([`super::check`]) and applies the rules in
//! [`super::validate`] with its own messages; this schema mirrors them for editors, and a test runs
//! every example and every broken config through both and checks they agree.

use serde_json::{Value as Json, json};

use super::defaults::{
    ALL_LOG_TYPES, DEFAULT_AMI_FAMILY, DEFAULT_GP3_IOPS, DEFAULT_GP3_THROUGHPUT, DEFAULT_INSTANCE_TYPE,
    DEFAULT_KUBERNETES_VERSION, DEFAULT_NODE_COUNT, DEFAULT_VOLUME_SIZE, DEFAULT_VOLUME_TYPE,
    DEFAULT_VPC_CIDR,
};
use super::known::EKSCTL_FIELDS;
use super::validate::component_config::{self, NODE_PORTS, WEIGHTS};
use super::validate::{
    AMI_FAMILIES, ASG_METRICS, ASG_PROCESSES, CONTROL_PLANE_TIERS, INSTANCE_TYPE_PATTERN, REPAIR_ACTIONS,
    RETENTION_DAYS, SPOT_ALLOCATION_STRATEGIES, TAINT_EFFECTS, VOLUME_TYPES,
};
use super::{EKSCTL_API_VERSION, EKSUP_API_VERSION};

/// An IPv4 CIDR, as `ipnet` parses it.
const CIDR: &str = r"^((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])/(3[0-2]|[12]?[0-9])$";
/// An IPv6 block, loosely (`2600:1f13::/56`): validation reads it exactly.
const IPV6_CIDR: &str = r"^[0-9a-fA-F:.]+/([0-9]|[1-9][0-9]|1[01][0-9]|12[0-8])$";
/// The VPC's CIDR: /16 to /24.
const VPC_CIDR: &str = r"^((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])/(1[6-9]|2[0-4])$";
/// What the loader takes for an ARN: six `:`-separated parts, the first `arn`.
const ARN: &str = r"^arn:[^:]+:[^:]+:[^:]*:[^:]*:";
const CLUSTER_NAME: &str = r"^[A-Za-z][A-Za-z0-9-]*$";
const NODEGROUP_NAME: &str = r"^[A-Za-z0-9][A-Za-z0-9_-]*$";
const REPOSITORY_NAME: &str = r"^[a-z0-9]([a-z0-9._/-]*[a-z0-9])?$";

/// Where a field lives: a definition (`ClusterVPC`) and a key, or `*NodeGroup` for both kinds of
/// node group.
type Field = (&'static str, &'static str);

/// Make the generated schema strict. `base` is `schemars::schema_for!(ClusterConfig)`.
pub fn editor_schema(base: &Json) -> Json {
    let mut schema = base.clone();
    let Some(root) = schema.as_object_mut() else { return schema };
    root.insert("title".into(), "eksup ClusterConfig".into());
    root.insert("$id".into(), "https://eksup.io/schemas/clusterconfig.json".into());
    root.insert(
        "description".into(),
        format!(
            "A cluster and everything it runs on: eksctl's `{EKSCTL_API_VERSION}` ClusterConfig, or `{EKSUP_API_VERSION}` with eksup's extensions"
        )
        .into(),
    );
    strict_object("ClusterConfig", &mut schema);
    if let Some(defs) = schema.get_mut("$defs").and_then(Json::as_object_mut) {
        for (name, def) in defs.iter_mut() {
            strict_object(name, def);
        }
    }
    for ((def, key), patch) in
        constraints().into_iter().chain(aws_constraints()).chain(capability_constraints())
    {
        for def in expand(def) {
            if let Some(prop) = property(&mut schema, def, key) {
                merge(prop, patch.clone());
            }
        }
    }
    for (def, key) in unsupported_values() {
        for def in expand(def) {
            if let Some(prop) = property(&mut schema, def, key) {
                let said = prop.get("description").and_then(Json::as_str).unwrap_or_default().to_string();
                *prop = json!({ "description": said, "type": "null" });
            }
        }
    }
    for ((def, key), default) in defaults() {
        for def in expand(def) {
            if let Some(prop) = property(&mut schema, def, key) {
                prop["default"] = default.clone();
            }
        }
    }
    for (def, keys) in required() {
        for def in expand(def) {
            require(&mut schema, def, keys);
        }
    }
    // An empty value (`key:`) is the same as leaving the key out; a number or boolean where text
    // is expected is read as its text (`version: 1.30` is `"1.30"`).
    widen(&mut schema);
    // `anyOf: [{$ref}, {type: null}]` would hide the mistakes inside an object behind one error
    // on the object: the definitions accept `null` themselves instead.
    unwrap_nullable_refs(&mut schema);
    if let Some(defs) = schema.get_mut("$defs").and_then(Json::as_object_mut) {
        for def in defs.values_mut() {
            if def.get("type") == Some(&json!("object")) {
                def["type"] = json!(["object", "null"]);
            }
        }
    }
    // Network ACLs are for a VPC eksup creates.
    // The control plane's subnets and groups, and nodes' extra groups, are an existing VPC's.
    let none = |what: &str| json!({ "anyOf": [{ "type": "null" }, { "maxItems": 0 }], "description": what });
    if let Some(vpc) = definition(&mut schema, "ClusterVPC") {
        let has_id = json!({ "required": ["id"], "properties": { "id": { "type": "string" } } });
        vpc["allOf"] = json!([
            { "if": has_id, "then": { "properties": { "networkAcls": { "anyOf": [
                { "type": "null" },
                { "properties": { "enabled": { "enum": [false, null] } } }
            ], "description": "network ACLs are for a VPC eksup creates" } } } },
            { "if": { "not": has_id }, "then": { "properties": {
                "controlPlaneSubnetIDs": none("subnets of an existing VPC: set `vpc.id`"),
                "controlPlaneSecurityGroupIDs": none("security groups of an existing VPC: set `vpc.id`")
            } } }
        ]);
    }
    // A mapping is one of three forms: an ARN, a service in a namespace, or a whole account.
    if let Some(mapping) = definition(&mut schema, "IAMIdentityMapping") {
        mapping["oneOf"] = json!([
            { "required": ["arn"], "not": { "anyOf": [{ "required": ["serviceName"] }, { "required": ["account"] }, { "required": ["namespace"] }] } },
            { "required": ["serviceName", "namespace"], "not": { "anyOf": [{ "required": ["arn"] }, { "required": ["username"] }, { "required": ["groups"] }, { "required": ["account"] }] } },
            { "required": ["account"], "not": { "anyOf": [{ "required": ["arn"] }, { "required": ["username"] }, { "required": ["groups"] }, { "required": ["serviceName"] }, { "required": ["namespace"] }] } }
        ]);
    }
    let groups_of_existing_vpc = json!({ "anyOf": [{ "type": "null" }, { "type": "array", "items": { "anyOf": [
        { "type": "null" },
        { "properties": { "securityGroups": { "anyOf": [
            { "type": "null" },
            { "properties": { "attachIDs": none("security groups of an existing VPC: set `vpc.id`") } }
        ] } } }
    ] } }] });
    let no_vpc_id = json!({ "not": { "required": ["vpc"], "properties": { "vpc": {
        "type": "object", "required": ["id"], "properties": { "id": { "type": "string" } }
    } } } });
    // eksup's extensions exist only in eksup.io/v1alpha1.
    schema["allOf"] = json!([{
        "if": no_vpc_id,
        "then": { "properties": { "nodeGroups": groups_of_existing_vpc, "managedNodeGroups": groups_of_existing_vpc } }
    }, {
        "if": { "properties": { "apiVersion": { "const": EKSCTL_API_VERSION } }, "required": ["apiVersion"] },
        "then": { "properties": {
            "ecr": { "not": {}, "description": "an eksup extension: use `apiVersion: eksup.io/v1alpha1`" },
            "vpc": { "anyOf": [{ "type": "null" }, { "type": "object", "properties": {
                "networkAcls": { "not": {}, "description": "an eksup extension: use `apiVersion: eksup.io/v1alpha1`" }
            } }] }
        } }
    }]);
    schema
}

/// `*NodeGroup` stands for both kinds of node group.
fn expand(def: &'static str) -> Vec<&'static str> {
    if def == "*NodeGroup" { vec!["NodeGroup", "ManagedNodeGroup"] } else { vec![def] }
}

/// The definition's object schema (the root for `ClusterConfig`).
fn definition<'a>(schema: &'a mut Json, def: &str) -> Option<&'a mut Json> {
    if def == "ClusterConfig" { Some(schema) } else { schema.get_mut("$defs")?.get_mut(def) }
}

fn property<'a>(schema: &'a mut Json, def: &str, key: &str) -> Option<&'a mut Json> {
    definition(schema, def)?.get_mut("properties")?.get_mut(key)
}

/// No unknown keys; eksctl's fields that eksup does not model are listed and refused.
fn strict_object(name: &str, def: &mut Json) {
    let Some(obj) = def.as_object_mut() else { return };
    let Some(props) = obj.get_mut("properties").and_then(Json::as_object_mut) else { return };
    let eksctl = EKSCTL_FIELDS.iter().find(|(n, _)| *n == name).map_or(&[][..], |(_, k)| *k);
    for key in eksctl {
        if props.contains_key(*key) {
            continue;
        }
        let description = if *key == "status" {
            "read-only status written by eksctl: remove it".to_string()
        } else {
            format!("eksctl's `{key}`: not supported yet by eksup")
        };
        props.insert((*key).to_string(), json!({ "description": description, "not": {} }));
    }
    obj.insert("additionalProperties".into(), false.into());
}

/// Merge `patch` into `target`: objects key by key, anything else replaced. An `enum` on a field
/// that may be empty keeps `null` allowed.
fn merge(target: &mut Json, patch: Json) {
    match (target, patch) {
        (Json::Object(t), Json::Object(p)) => {
            let nullable = t.get("type").is_some_and(|ty| match ty {
                Json::Array(a) => a.iter().any(|x| x == "null"),
                _ => false,
            }) || t.get("anyOf").is_some();
            for (k, v) in p {
                let v = match (k.as_str(), v) {
                    ("enum", Json::Array(mut items)) if nullable => {
                        items.push(Json::Null);
                        Json::Array(items)
                    }
                    (_, v) => v,
                };
                match t.get_mut(&k) {
                    Some(existing) if existing.is_object() && v.is_object() => merge(existing, v),
                    _ => {
                        t.insert(k, v);
                    }
                }
            }
        }
        (t, p) => *t = p,
    }
}

/// Required keys: they may not be left out nor left empty.
fn require(schema: &mut Json, def: &str, keys: &[&str]) {
    let Some(d) = definition(schema, def) else { return };
    for key in keys {
        if let Some(prop) = d.get_mut("properties").and_then(|p| p.get_mut(*key)) {
            strip_null(prop);
        }
    }
    let list: Vec<Json> = keys.iter().map(|k| Json::from(*k)).collect();
    d["required"] = Json::Array(list);
}

fn strip_null(prop: &mut Json) {
    if prop.get("$ref").is_some() {
        prop["type"] = "object".into();
    }
    if let Some(Json::Array(types)) = prop.get_mut("type") {
        types.retain(|t| t != "null");
        if types.len() == 1 {
            let t = types[0].clone();
            prop["type"] = t;
        }
    }
    if let Some(Json::Array(branches)) = prop.get_mut("anyOf") {
        branches.retain(|b| b.get("type").is_none_or(|t| t != "null"));
    }
    if let Some(Json::Array(items)) = prop.get_mut("enum") {
        items.retain(|x| !x.is_null());
    }
}

/// `{anyOf: [{$ref: X}, {type: null}], ...}` becomes `{$ref: X, ...}`; a required one stays an
/// object.
fn unwrap_nullable_refs(schema: &mut Json) {
    match schema {
        Json::Object(obj) => {
            let single_ref = obj.get("anyOf").and_then(Json::as_array).and_then(|branches| {
                let refs: Vec<&Json> = branches.iter().filter(|b| b.get("$ref").is_some()).collect();
                let rest_null =
                    branches.iter().all(|b| b.get("$ref").is_some() || b.get("type") == Some(&json!("null")));
                (refs.len() == 1 && rest_null).then(|| refs[0]["$ref"].clone())
            });
            if let Some(r) = single_ref {
                let nullable = obj["anyOf"].as_array().is_some_and(|b| b.len() > 1);
                obj.remove("anyOf");
                obj.insert("$ref".into(), r);
                if !nullable {
                    obj.insert("type".into(), "object".into());
                }
            }
            obj.values_mut().for_each(unwrap_nullable_refs);
        }
        Json::Array(items) => items.iter_mut().for_each(unwrap_nullable_refs),
        _ => {}
    }
}

/// Text fields take numbers and booleans too (read as their text), as the loader does.
fn widen(schema: &mut Json) {
    match schema {
        Json::Object(obj) => {
            let text_only = obj.get("enum").is_none() && obj.get("const").is_none();
            if text_only && let Some(ty) = obj.get_mut("type") {
                let mut types: Vec<Json> = match ty {
                    Json::String(_) => vec![ty.clone()],
                    Json::Array(a) => a.clone(),
                    _ => Vec::new(),
                };
                if types.iter().any(|t| t == "string") {
                    for extra in ["number", "boolean"] {
                        if !types.iter().any(|t| t == extra) {
                            types.push(extra.into());
                        }
                    }
                    *ty = Json::Array(types);
                }
            }
            for (k, v) in obj.iter_mut() {
                if k != "properties" || !v.is_object() {
                    widen(v);
                } else if let Some(props) = v.as_object_mut() {
                    for (name, p) in props.iter_mut() {
                        if name != "apiVersion" && name != "kind" {
                            widen(p);
                        }
                    }
                }
            }
        }
        Json::Array(items) => items.iter_mut().for_each(widen),
        _ => {}
    }
}

fn strings(list: &[&str]) -> Json {
    Json::Array(list.iter().map(|s| Json::from(*s)).collect())
}

fn pattern(p: &str) -> Json {
    json!({ "pattern": p })
}

fn items(patch: Json) -> Json {
    json!({ "items": patch })
}

/// A boolean eksup refuses when true (not supported yet).
fn false_only() -> Json {
    json!({ "enum": [false] })
}

/// The enums, patterns and ranges of [`super::validate`].
fn constraints() -> Vec<(Field, Json)> {
    let arn = || pattern(ARN);
    let cidr = || pattern(CIDR);
    let log_types: Vec<&str> = ALL_LOG_TYPES.iter().copied().chain(["all", "*"]).collect();
    vec![
        (("ClusterConfig", "apiVersion"), json!({ "enum": [EKSCTL_API_VERSION, EKSUP_API_VERSION] })),
        (("ClusterConfig", "kind"), json!({ "const": "ClusterConfig" })),
        (("ClusterConfig", "availabilityZones"), json!({ "minItems": 2 })),
        (("ClusterMeta", "name"), json!({ "pattern": CLUSTER_NAME, "maxLength": 100 })),
        (
            ("ClusterMeta", "version"),
            json!({ "pattern": super::validate::version_pattern(), "minimum": 1, "exclusiveMaximum": 2 }),
        ),
        (("KubernetesNetworkConfig", "ipFamily"), json!({ "enum": ["IPv4", "IPv6"] })),
        (("KubernetesNetworkConfig", "serviceIPv4CIDR"), cidr()),
        (("UpgradePolicy", "supportType"), json!({ "enum": ["STANDARD", "EXTENDED"] })),
        (("PrivateCluster", "enabled"), false_only()),
        (("ClusterIAM", "serviceRoleARN"), arn()),
        (("ClusterIAM", "fargatePodExecutionRoleARN"), arn()),
        (("ClusterIAM", "serviceRolePermissionsBoundary"), arn()),
        (("ClusterIAM", "fargatePodExecutionRolePermissionsBoundary"), arn()),
        (("ClusterIAMServiceAccount", "attachRoleARN"), arn()),
        (("ClusterIAMServiceAccount", "attachPolicyARNs"), items(arn())),
        (("ClusterIAMServiceAccount", "permissionsBoundary"), arn()),
        (("ClusterIAMServiceAccount", "roleName"), json!({ "maxLength": 64 })),
        (("RemoteNodesIAM", "roleARN"), arn()),
        (("AutoModeConfig", "nodeRoleARN"), arn()),
        (("AutoModeConfig", "permissionsBoundaryARN"), arn()),
        (("AutoModeConfig", "nodePools"), items(json!({ "enum": ["general-purpose", "system"] }))),
        (("PodIdentityAssociation", "roleARN"), arn()),
        (("PodIdentityAssociation", "targetRoleARN"), arn()),
        (("PodIdentityAssociation", "permissionsBoundaryARN"), arn()),
        (("PodIdentityAssociation", "permissionPolicyARNs"), items(arn())),
        (("PodIdentityAssociation", "roleName"), json!({ "maxLength": 64 })),
        (("IAMIdentityMapping", "arn"), arn()),
        (("IAMIdentityMapping", "serviceName"), json!({ "enum": super::services::names() })),
        (("IAMIdentityMapping", "account"), pattern("^[0-9]{12}$")),
        (
            ("AccessConfig", "authenticationMode"),
            json!({ "enum": ["API", "API_AND_CONFIG_MAP", "CONFIG_MAP"] }),
        ),
        (("AccessEntry", "principalARN"), arn()),
        (
            ("AccessEntry", "type"),
            json!({ "enum": ["STANDARD", "EC2_LINUX", "EC2_WINDOWS", "FARGATE_LINUX"] }),
        ),
        (("AccessPolicy", "policyARN"), arn()),
        (("AccessScope", "type"), json!({ "enum": ["cluster", "namespace"] })),
        (("ClusterVPC", "id"), pattern("^vpc-")),
        (("ClusterVPC", "cidr"), pattern(VPC_CIDR)),
        (("ClusterVPC", "extraCIDRs"), items(cidr())),
        (("ClusterVPC", "extraIPv6CIDRs"), items(pattern(IPV6_CIDR))),
        (("ClusterVPC", "publicAccessCIDRs"), items(cidr())),
        (("ClusterVPC", "hostnameType"), json!({ "enum": ["ip-name", "resource-name"] })),
        (("ClusterNAT", "gateway"), json!({ "enum": ["HighlyAvailable", "Single", "Disable"] })),
        (("AZSubnetSpec", "id"), pattern("^subnet-")),
        (("AZSubnetSpec", "cidr"), cidr()),
        (("Addon", "resolveConflicts"), json!({ "enum": ["none", "overwrite", "preserve"] })),
        (("Addon", "serviceAccountRoleARN"), arn()),
        (("ClusterCloudWatchLogging", "enableTypes"), items(json!({ "enum": strings(&log_types) }))),
        (("SecretsEncryption", "keyARN"), arn()),
        (("*NodeGroup", "name"), json!({ "pattern": NODEGROUP_NAME, "maxLength": 63 })),
        (("*NodeGroup", "amiFamily"), json!({ "enum": strings(AMI_FAMILIES) })),
        (("NodeGroup", "ami"), pattern("^(ami-|auto$|auto-ssm$)")),
        (("ManagedNodeGroup", "ami"), pattern("^(auto|auto-ssm)$")),
        (("*NodeGroup", "instanceType"), pattern(INSTANCE_TYPE_PATTERN)),
        (("ManagedNodeGroup", "instanceTypes"), items(pattern(INSTANCE_TYPE_PATTERN))),
        (("*NodeGroup", "desiredCapacity"), json!({ "minimum": 0 })),
        (("*NodeGroup", "minSize"), json!({ "minimum": 0 })),
        (("NodeGroup", "maxSize"), json!({ "minimum": 0 })),
        (("ManagedNodeGroup", "maxSize"), json!({ "minimum": 1 })),
        (("*NodeGroup", "volumeSize"), json!({ "minimum": 1 })),
        (("*NodeGroup", "volumeType"), json!({ "enum": strings(VOLUME_TYPES) })),
        (("*NodeGroup", "volumeIOPS"), json!({ "minimum": 100, "maximum": 256_000 })),
        (("*NodeGroup", "volumeThroughput"), json!({ "minimum": 125, "maximum": 1000 })),
        (("*NodeGroup", "maxPodsPerNode"), json!({ "minimum": 1 })),
        (("NodeGroup", "maxInstanceLifetime"), json!({ "minimum": 86_400 })),
        (("NodeGroupTaint", "effect"), json!({ "enum": strings(TAINT_EFFECTS) })),
        (("NodeGroupUpdateConfig", "maxUnavailablePercentage"), json!({ "minimum": 1, "maximum": 100 })),
        (("LaunchTemplate", "id"), pattern("^lt-")),
        (("NodeGroupSSH", "enableSsm"), json!({ "enum": [true] })),
        (("NodeGroupIAM", "instanceRoleARN"), arn()),
        (("NodeGroupIAM", "instanceProfileARN"), arn()),
        (("NodeGroupIAM", "attachPolicyARNs"), items(arn())),
        (("NodeGroupIAM", "instanceRolePermissionsBoundary"), arn()),
        (("NodeGroupIAM", "instanceRoleName"), json!({ "maxLength": 64 })),
        (("FargateProfile", "name"), json!({ "not": { "pattern": "^eks-" } })),
        (("FargateProfile", "podExecutionRoleARN"), arn()),
        (("FargateProfile", "selectors"), json!({ "minItems": 1, "maxItems": 5 })),
        (("FargateProfileSelector", "labels"), json!({ "maxProperties": 5 })),
        (
            ("EcrRepositoryConfig", "name"),
            json!({ "pattern": REPOSITORY_NAME, "minLength": 2, "maxLength": 256 }),
        ),
        (("EcrRepositoryConfig", "imageTagMutability"), json!({ "enum": ["MUTABLE", "IMMUTABLE"] })),
        (("EcrRepositoryConfig", "pullAccounts"), items(pattern("^[0-9]{12}$"))),
        (("EcrEncryption", "type"), json!({ "enum": ["AES256", "KMS"] })),
        (("EcrLifecyclePolicy", "keepLastImages"), json!({ "minimum": 1 })),
        (("EcrLifecyclePolicy", "expireUntaggedAfterDays"), json!({ "minimum": 1 })),
    ]
}

/// EKS capabilities: CreateCapability's names and values, Identity Center's id patterns.
fn capability_constraints() -> Vec<(Field, Json)> {
    vec![
        (("Capability", "name"), json!({ "pattern": "^[A-Za-z0-9_-]+$", "maxLength": 100 })),
        (("Capability", "type"), json!({ "enum": ["ACK", "KRO", "ARGOCD"] })),
        (("Capability", "deletePropagationPolicy"), json!({ "enum": ["RETAIN"] })),
        (("Capability", "roleArn"), pattern(ARN)),
        (("Capability", "attachPolicyARNs"), items(pattern(ARN))),
        (("Capability", "permissionsBoundary"), pattern(ARN)),
        (
            ("ArgoCDAWSIDC", "idcInstanceArn"),
            pattern("^arn:aws[a-z-]*:sso:::instance/(sso)?ins-[A-Za-z0-9.-]{16}$"),
        ),
        (("ArgoCDRoleMapping", "role"), json!({ "enum": ["ADMIN", "EDITOR", "VIEWER"] })),
        (
            ("SSOIdentity", "id"),
            pattern(
                "^([0-9a-f]{10}-)?[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$",
            ),
        ),
        (("SSOIdentity", "type"), json!({ "enum": ["SSO_USER", "SSO_GROUP"] })),
        (("ArgoCDNetworkAccess", "vpceIds"), items(pattern("^vpce-[0-9a-f]{8,17}$"))),
    ]
}

/// The ranges and values AWS takes for node repair, control plane tiers, log retention, mixed
/// instances and group metrics.
fn aws_constraints() -> Vec<(Field, Json)> {
    vec![
        (("NodeRepairConfigOverride", "repairAction"), json!({ "enum": strings(REPAIR_ACTIONS) })),
        (("NodeRepairConfigOverride", "minRepairWaitTimeMins"), json!({ "minimum": 1 })),
        (("NodeRepairConfig", "maxUnhealthyNodeThresholdCount"), json!({ "minimum": 1 })),
        (("NodeRepairConfig", "maxParallelNodesRepairedCount"), json!({ "minimum": 1 })),
        (
            ("NodeRepairConfig", "maxUnhealthyNodeThresholdPercentage"),
            json!({ "minimum": 1, "maximum": 100 }),
        ),
        (("NodeRepairConfig", "maxParallelNodesRepairedPercentage"), json!({ "minimum": 1, "maximum": 100 })),
        (("ControlPlaneScalingConfig", "tier"), json!({ "enum": strings(CONTROL_PLANE_TIERS) })),
        (("ScoringStrategy", "type"), json!({ "enum": strings(component_config::SCORING_TYPES) })),
        (("ResourceWeight", "weight"), json!({ "minimum": WEIGHTS.0, "maximum": WEIGHTS.1 })),
        (("ServiceNodePortRange", "minPort"), json!({ "minimum": NODE_PORTS.0, "maximum": NODE_PORTS.1 })),
        (("ServiceNodePortRange", "maxPort"), json!({ "minimum": NODE_PORTS.0, "maximum": NODE_PORTS.1 })),
        (("ClusterCloudWatchLogging", "logRetentionInDays"), json!({ "enum": RETENTION_DAYS })),
        (
            ("NodeGroupInstancesDistribution", "onDemandPercentageAboveBaseCapacity"),
            json!({ "minimum": 0, "maximum": 100 }),
        ),
        (("NodeGroupInstancesDistribution", "spotInstancePools"), json!({ "minimum": 1, "maximum": 20 })),
        (("NodeGroupInstancesDistribution", "onDemandBaseCapacity"), json!({ "minimum": 0 })),
        (
            ("NodeGroupInstancesDistribution", "spotAllocationStrategy"),
            json!({ "enum": strings(SPOT_ALLOCATION_STRATEGIES) }),
        ),
        (("MetricsCollection", "granularity"), json!({ "enum": ["1Minute"] })),
        (("MetricsCollection", "metrics"), items(json!({ "enum": strings(ASG_METRICS) }))),
        (("NodeGroup", "asgSuspendProcesses"), items(json!({ "enum": strings(ASG_PROCESSES) }))),
        (("ManagedNodeGroup", "asgSuspendProcesses"), items(json!({ "enum": strings(ASG_PROCESSES) }))),
    ]
}

/// Fields eksup knows but refuses with any value (`not supported yet`, or something only AWS
/// sets): only empty is accepted.
fn unsupported_values() -> Vec<Field> {
    vec![("NodeGroup", "updateConfig"), ("KubernetesNetworkConfig", "serviceIPv6CIDR")]
}

/// eksup's defaults, as [`super::defaults`] applies them.
fn defaults() -> Vec<(Field, Json)> {
    vec![
        (("ClusterMeta", "version"), DEFAULT_KUBERNETES_VERSION.into()),
        (("KubernetesNetworkConfig", "ipFamily"), "IPv4".into()),
        (("ClusterIAM", "withOIDC"), false.into()),
        (("ClusterIAM", "vpcResourceControllerPolicy"), true.into()),
        (("AccessConfig", "authenticationMode"), "API_AND_CONFIG_MAP".into()),
        (("AccessConfig", "bootstrapClusterCreatorAdminPermissions"), true.into()),
        (("AccessEntry", "type"), "STANDARD".into()),
        (("ClusterVPC", "cidr"), DEFAULT_VPC_CIDR.into()),
        (("ClusterVPC", "manageSharedNodeSecurityGroupRules"), true.into()),
        (("ClusterVPC", "publicAccessCIDRs"), json!(["0.0.0.0/0"])),
        (("ClusterNAT", "gateway"), "Single".into()),
        (("ClusterEndpoints", "publicAccess"), true.into()),
        (("ClusterEndpoints", "privateAccess"), false.into()),
        (("ClusterIAMMeta", "namespace"), "default".into()),
        (("AddonsConfig", "disableDefaultAddons"), false.into()),
        (("PrivateCluster", "enabled"), false.into()),
        (("ZonalShiftConfig", "enabled"), false.into()),
        (("NetworkAcls", "enabled"), false.into()),
        (("*NodeGroup", "instanceType"), DEFAULT_INSTANCE_TYPE.into()),
        (("*NodeGroup", "amiFamily"), DEFAULT_AMI_FAMILY.into()),
        (("*NodeGroup", "ami"), "auto".into()),
        (("*NodeGroup", "desiredCapacity"), DEFAULT_NODE_COUNT.into()),
        (("*NodeGroup", "volumeSize"), DEFAULT_VOLUME_SIZE.into()),
        (("*NodeGroup", "volumeType"), DEFAULT_VOLUME_TYPE.into()),
        (("*NodeGroup", "volumeIOPS"), DEFAULT_GP3_IOPS.into()),
        (("*NodeGroup", "volumeThroughput"), DEFAULT_GP3_THROUGHPUT.into()),
        (("*NodeGroup", "volumeEncrypted"), false.into()),
        (("*NodeGroup", "privateNetworking"), false.into()),
        (("*NodeGroup", "disableIMDSv1"), true.into()),
        (("*NodeGroup", "disablePodIMDS"), false.into()),
        (("ManagedNodeGroup", "spot"), false.into()),
        (("NodeGroupSSH", "allow"), false.into()),
        (("NodeGroupSSH", "enableSsm"), true.into()),
        (("NodeGroupSGs", "withShared"), true.into()),
        (("NodeGroupSGs", "withLocal"), true.into()),
        (("EcrRepositoryConfig", "imageTagMutability"), "IMMUTABLE".into()),
        (("EcrRepositoryConfig", "scanOnPush"), true.into()),
        (("EcrEncryption", "type"), "AES256".into()),
    ]
}

/// Keys the loader requires.
fn required() -> Vec<(&'static str, &'static [&'static str])> {
    vec![
        ("ClusterConfig", &["apiVersion", "kind", "metadata"]),
        ("ClusterMeta", &["name"]),
        ("ClusterIAMServiceAccount", &["metadata"]),
        ("AccessEntry", &["principalARN"]),
        ("AccessPolicy", &["policyARN", "accessScope"]),
        ("AccessScope", &["type"]),
        ("Addon", &["name"]),
        ("SecretsEncryption", &["keyARN"]),
        ("*NodeGroup", &["name"]),
        ("NodeGroupTaint", &["key", "effect"]),
        ("FargateProfile", &["name", "selectors"]),
        ("FargateProfileSelector", &["namespace"]),
        ("EcrRepositoryConfig", &["name"]),
    ]
}

/// The definitions and keys of the schema, for the tests.
#[cfg(test)]
fn all_properties(schema: &Json) -> Vec<(String, String, Json)> {
    let mut out = Vec::new();
    let mut visit = |def: &str, d: &Json| {
        if let Some(props) = d.get("properties").and_then(Json::as_object) {
            for (k, v) in props {
                out.push((def.to_string(), k.clone(), v.clone()));
            }
        }
    };
    visit("ClusterConfig", schema);
    for (name, d) in schema.get("$defs").and_then(Json::as_object).into_iter().flatten() {
        visit(name, d);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn schema() -> Json {
        super::super::schema().clone()
    }

    #[test]
    fn every_field_is_described_and_every_object_is_closed() {
        let s = schema();
        let missing: Vec<String> = all_properties(&s)
            .into_iter()
            .filter(|(_, _, p)| p.get("description").and_then(Json::as_str).is_none_or(str::is_empty))
            .map(|(d, k, _)| format!("{d}.{k}"))
            .collect();
        assert!(missing.is_empty(), "fields without a description: {missing:?}");
        for (name, d) in s["$defs"].as_object().unwrap() {
            if d.get("properties").is_some() {
                assert_eq!(d["additionalProperties"], false, "{name} is open");
            }
        }
        assert_eq!(s["additionalProperties"], false);
    }

    #[test]
    fn every_patched_field_exists() {
        let mut s = schema();
        let fields = constraints()
            .into_iter()
            .chain(aws_constraints())
            .chain(capability_constraints())
            .map(|(f, _)| f)
            .chain(defaults().into_iter().map(|(f, _)| f))
            .flat_map(|(d, k)| expand(d).into_iter().map(move |d| (d, k)));
        for (def, key) in fields {
            assert!(property(&mut s, def, key).is_some(), "{def}.{key} is not in the schema");
        }
    }

    #[test]
    fn unsupported_eksctl_fields_are_described_and_refused() {
        let s = schema();
        let karpenter = &s["properties"]["karpenter"];
        assert_eq!(karpenter["not"], json!({}));
        assert!(karpenter["description"].as_str().unwrap().contains("not supported yet"));
        assert!(s["$defs"]["ManagedNodeGroup"]["properties"]["spot"]["description"].is_string());
    }
}
