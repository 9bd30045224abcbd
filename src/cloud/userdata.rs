//! Node user data, rendered from `templates/` with `{{placeholder}}` substitution (pure).
//!
//! - `al2023`: a MIME multipart document with a nodeadm `NodeConfig` part (cluster name, API
//!   endpoint, CA, service CIDR, cluster DNS, kubelet flags for labels and taints, `maxPods`), plus
//!   a `#!/bin/bash` part for `preBootstrapCommands` and one for `overrideBootstrapCommand`.
//! - `al2`: a shell script calling `/etc/eks/bootstrap.sh` (or `overrideBootstrapCommand`).
//! - `ubuntu`: a shell script calling `/etc/eks/bootstrap.sh` of Canonical's EKS images (or
//!   `overrideBootstrapCommand`), with the arguments eksctl's `bootstrap.ubuntu.sh` passes.
//! - `bottlerocket`: TOML settings.
//! - `windows`: PowerShell calling the AMI's `Start-EKSBootstrap.ps1` (or, with
//!   `overrideBootstrapCommand`, defining its parameters as variables for the file's command).

use std::collections::BTreeMap;
use std::net::Ipv4Addr;

use ipnet::Ipv4Net;

use crate::executor::StepContext;
use crate::plan::UserDataSpec;

const AL2023: &str = include_str!("../../templates/al2023.yaml");
const AL2: &str = include_str!("../../templates/al2.sh");
const UBUNTU: &str = include_str!("../../templates/ubuntu.sh");
const BOTTLEROCKET: &str = include_str!("../../templates/bottlerocket.toml");
const WINDOWS: &str = include_str!("../../templates/windows.ps1");

/// The service CIDR EKS picks when none is given.
pub const DEFAULT_SERVICE_CIDR: &str = "10.100.0.0/16";

/// Everything a node needs to join the cluster.
#[derive(Debug, Clone)]
pub struct NodeBootstrap<'a> {
    pub cluster_name: &'a str,
    pub endpoint: &'a str,
    /// Base64 PEM, as EKS returns it.
    pub certificate_authority: &'a str,
    pub service_cidr: &'a str,
    pub labels: &'a BTreeMap<String, String>,
    /// `key=value:Effect`.
    pub taints: &'a [String],
    pub max_pods: Option<i32>,
    pub pre_bootstrap_commands: &'a [String],
    pub override_bootstrap_command: Option<&'a str>,
    /// Bottlerocket's settings from the file (`bottlerocket.settings`, with the admin container's
    /// switch).
    pub settings: &'a serde_json::Map<String, serde_json::Value>,
    /// `containerRuntime` (Windows' bootstrap script takes it).
    pub container_runtime: Option<&'a str>,
    /// kubelet's DNS server for pods instead of the service range's `.10` (`clusterDNS`).
    pub cluster_dns: Option<&'a str>,
    /// Kubelet configuration merged into the node's (`kubeletExtraConfig`; AL2023's NodeConfig).
    pub kubelet_extra: &'a serde_json::Map<String, serde_json::Value>,
}

/// Unknown template name.
#[derive(Debug, thiserror::Error)]
#[error("unknown user data template `{0}` (expected `al2023`, `al2`, `ubuntu`, `bottlerocket` or `windows`)")]
pub struct UnknownTemplate(pub String);

/// Render the user data for `template` (`al2023`, `al2`, `ubuntu`, `bottlerocket`, `windows`).
pub fn render(template: &str, b: &NodeBootstrap<'_>) -> Result<String, UnknownTemplate> {
    let dns = b.cluster_dns.map_or_else(|| cluster_dns(b.service_cidr), str::to_string);
    let labels = b.labels.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join(",");
    let taints = b.taints.join(",");
    let common = [
        ("cluster_name", b.cluster_name.to_string()),
        ("endpoint", b.endpoint.to_string()),
        ("certificate_authority", b.certificate_authority.to_string()),
        ("service_cidr", b.service_cidr.to_string()),
        ("cluster_dns", dns.clone()),
    ];
    let rendered = match template {
        "al2023" => render_al2023(b, &common, &labels, &taints),
        "al2" => render_al2(b, &common, &labels, &taints, &dns),
        "ubuntu" => render_ubuntu(b, &common, &labels, &taints, &dns),
        "bottlerocket" => render_bottlerocket(b, &common),
        "windows" => render_windows(b, &labels, &taints, &dns),
        other => return Err(UnknownTemplate(other.to_string())),
    };
    Ok(rendered)
}

/// AL2023's nodeadm config: labels and taints (joined by `,`) as kubelet flags, max pods in
/// the kubelet config, the pre- and post-bootstrap commands as shell parts.
fn render_al2023(b: &NodeBootstrap<'_>, common: &[(&str, String)], labels: &str, taints: &str) -> String {
    let mut flags = Vec::new();
    if !labels.is_empty() {
        flags.push(format!("      - --node-labels={labels}"));
    }
    if !taints.is_empty() {
        flags.push(format!("      - --register-with-taints={taints}"));
    }
    let flags = if flags.is_empty() { "      []".to_string() } else { flags.join("\n") };
    // The file's kubelet fields (each a JSON value, which YAML reads as itself), then max pods
    // (`maxPodsPerNode`; validation keeps the two apart); `clusterDNS` is the template's.
    let mut config: BTreeMap<&str, serde_json::Value> =
        b.kubelet_extra.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
    if let Some(n) = b.max_pods {
        config.insert("maxPods", n.into());
    }
    let kubelet_config: String = config.iter().map(|(k, v)| format!("      {k}: {v}\n")).collect();
    let pre = shell_part(b.pre_bootstrap_commands);
    let post = b.override_bootstrap_command.map(|c| shell_part(&[c.to_string()])).unwrap_or_default();
    substitute(
        AL2023,
        &[
            common,
            &[
                ("kubelet_flags", flags),
                ("kubelet_config", kubelet_config),
                ("pre_bootstrap_part", pre),
                ("post_bootstrap_part", post),
            ],
        ]
        .concat(),
    )
}

/// A bootstrap.sh script (AL2's, Canonical's): `template` with the pre-bootstrap commands and the
/// bootstrap command.
fn bootstrap_script(
    template: &str,
    b: &NodeBootstrap<'_>,
    common: &[(&str, String)],
    bootstrap: String,
) -> String {
    let own =
        [("pre_bootstrap_commands", b.pre_bootstrap_commands.join("\n")), ("bootstrap_command", bootstrap)];
    substitute(template, &[common, &own].concat())
}

/// bootstrap.sh's `--kubelet-extra-args` (AL2's and Canonical's): labels and taints (joined by
/// `,`) and max pods.
fn kubelet_args(b: &NodeBootstrap<'_>, labels: &str, taints: &str) -> Vec<String> {
    let mut kubelet = Vec::new();
    if !labels.is_empty() {
        kubelet.push(format!("--node-labels={labels}"));
    }
    if !taints.is_empty() {
        kubelet.push(format!("--register-with-taints={taints}"));
    }
    if let Some(n) = b.max_pods {
        kubelet.push(format!("--max-pods={n}"));
    }
    kubelet
}

/// AL2's script: the pre-bootstrap commands, then the override command or `bootstrap.sh` with
/// labels, taints (joined by `,`) and max pods as kubelet arguments.
fn render_al2(
    b: &NodeBootstrap<'_>,
    common: &[(&str, String)],
    labels: &str,
    taints: &str,
    dns: &str,
) -> String {
    let bootstrap = match b.override_bootstrap_command {
        Some(cmd) => cmd.to_string(),
        None => {
            let kubelet = kubelet_args(b, labels, taints);
            let mut cmd = format!(
                "/etc/eks/bootstrap.sh '{}' --apiserver-endpoint '{}' --b64-cluster-ca '{}' --dns-cluster-ip '{dns}'",
                b.cluster_name, b.endpoint, b.certificate_authority
            );
            if b.max_pods.is_some() {
                cmd.push_str(" --use-max-pods false");
            }
            // bootstrap.sh's IPv6 flags (the AMI's `--ip-family`, `--service-ipv6-cidr`).
            if b.service_cidr.contains(':') {
                cmd.push_str(&format!(" --ip-family ipv6 --service-ipv6-cidr '{}'", b.service_cidr));
            }
            if !kubelet.is_empty() {
                cmd.push_str(&format!(" --kubelet-extra-args '{}'", kubelet.join(" ")));
            }
            cmd
        }
    };
    bootstrap_script(AL2, b, common, bootstrap)
}

/// Ubuntu's script: the pre-bootstrap commands, then the override command or the image's
/// `bootstrap.sh` as eksctl's `bootstrap.ubuntu.sh` calls it: the cluster's name, its DNS address,
/// and labels, taints and max pods as kubelet arguments (Canonical's script looks the endpoint
/// and CA up itself, as Amazon Linux 2's does when they are not given).
fn render_ubuntu(
    b: &NodeBootstrap<'_>,
    common: &[(&str, String)],
    labels: &str,
    taints: &str,
    dns: &str,
) -> String {
    let bootstrap = match b.override_bootstrap_command {
        Some(cmd) => cmd.to_string(),
        None => {
            let kubelet = kubelet_args(b, labels, taints);
            let mut cmd = format!("/etc/eks/bootstrap.sh '{}' --dns-cluster-ip '{dns}'", b.cluster_name);
            if !kubelet.is_empty() {
                cmd.push_str(&format!(" --kubelet-extra-args '{}'", kubelet.join(" ")));
            }
            cmd
        }
    };
    bootstrap_script(UBUNTU, b, common, bootstrap)
}

/// Windows' PowerShell, as eksctl writes it (`pkg/nodebootstrap/windows.go`): the pre-bootstrap
/// commands, then `Start-EKSBootstrap.ps1` with the cluster's name, endpoint, CA, service CIDR and
/// DNS address, the container runtime, and labels, taints and max pods as kubelet arguments. With
/// `overrideBootstrapCommand` the same values are PowerShell variables (`$EKSClusterName`, ...,
/// `$KubeletExtraArgs` and the map `$KubeletExtraArgsMap`) that the file's command uses.
fn render_windows(b: &NodeBootstrap<'_>, labels: &str, taints: &str, dns: &str) -> String {
    let mut kubelet = vec![("node-labels", labels.to_string()), ("register-with-taints", taints.to_string())];
    kubelet.extend(b.max_pods.map(|n| ("max-pods", n.to_string())));
    let kubelet_args = kubelet.iter().map(|(k, v)| format!("--{k}={v}")).collect::<Vec<_>>().join(" ");
    let mut params = vec![
        ("EKSClusterName", b.cluster_name.to_string()),
        ("APIServerEndpoint", b.endpoint.to_string()),
        ("Base64ClusterCA", b.certificate_authority.to_string()),
        ("ServiceCIDR", b.service_cidr.to_string()),
        ("DNSClusterIP", dns.to_string()),
    ];
    params.extend(b.container_runtime.map(|r| ("ContainerRuntime", r.to_string())));
    params.push(("KubeletExtraArgs", kubelet_args));
    let bootstrap = match b.override_bootstrap_command {
        Some(command) => {
            let mut lines: Vec<String> =
                params.iter().map(|(k, v)| format!("[string]${k} = '{v}'")).collect();
            let map = kubelet.iter().map(|(k, v)| format!(" '{k}' = '{v}'")).collect::<Vec<_>>().join(";");
            lines.push(format!("$KubeletExtraArgsMap = @{{{map}}}"));
            lines.push(command.trim_end().to_string());
            lines.join("\n")
        }
        None => {
            let args = params
                .iter()
                .filter(|(_, v)| !v.is_empty())
                .map(|(k, v)| format!("-{k} \"{v}\""))
                .collect::<Vec<_>>()
                .join(" ");
            format!("& $EKSBootstrapScriptFile {args} 3>&1 4>&1 5>&1 6>&1")
        }
    };
    let pre: String = b.pre_bootstrap_commands.iter().map(|c| format!("{c}\n")).collect();
    substitute(WINDOWS, &[("pre_bootstrap_commands", pre), ("bootstrap_command", bootstrap)])
}

/// Bottlerocket's TOML settings: the file's `settings`, with the cluster's fields from the
/// template and the group's labels, taints (grouped by key) and max pods over them. Validation
/// keeps the file from naming those, so nothing of it is overwritten. Keys are quoted where TOML
/// needs it (`"example.com/role"`), which writing the text by hand would get wrong.
fn render_bottlerocket(b: &NodeBootstrap<'_>, common: &[(&str, String)]) -> String {
    let cluster: toml::Table = substitute(BOTTLEROCKET, common).parse().unwrap_or_default();
    let mut doc = toml_table(b.settings);
    let kubernetes = table_at(&mut doc, "kubernetes");
    let ours = cluster.get("settings").and_then(|s| s.get("kubernetes")).and_then(toml::Value::as_table);
    for (key, value) in ours.into_iter().flatten() {
        // `cluster-dns-ip` may be the file's own (self-managed groups only).
        if key != "cluster-dns-ip" || !kubernetes.contains_key(key) {
            kubernetes.insert(key.clone(), value.clone());
        }
    }
    group_settings(kubernetes, b.labels, b.taints, b.max_pods);
    wrap_settings(doc)
}

/// The group's labels, taints and max pods in `settings.kubernetes`.
fn group_settings(
    kubernetes: &mut toml::Table,
    labels: &BTreeMap<String, String>,
    taints: &[String],
    max_pods: Option<i32>,
) {
    if let Some(n) = max_pods {
        kubernetes.insert("max-pods".into(), i64::from(n).into());
    }
    if !labels.is_empty() {
        let table: toml::Table = labels.iter().map(|(k, v)| (k.clone(), v.clone().into())).collect();
        kubernetes.insert("node-labels".into(), table.into());
    }
    let mut by_key: BTreeMap<&str, Vec<toml::Value>> = BTreeMap::new();
    for t in taints {
        let (key, value) = t.split_once('=').unwrap_or((t.as_str(), ""));
        by_key.entry(key).or_default().push(value.into());
    }
    if !by_key.is_empty() {
        let table: toml::Table = by_key.into_iter().map(|(k, vs)| (k.to_string(), vs.into())).collect();
        kubernetes.insert("node-taints".into(), table.into());
    }
}

/// The file's settings as TOML (validation has refused `null`, which TOML cannot hold).
fn toml_table(settings: &serde_json::Map<String, serde_json::Value>) -> toml::Table {
    toml::Table::try_from(settings).unwrap_or_default()
}

/// The table under `key` (made if missing; validation keeps `kubernetes` a mapping).
fn table_at<'t>(doc: &'t mut toml::Table, key: &str) -> &'t mut toml::Table {
    let entry = doc.entry(key).or_insert_with(|| toml::Table::new().into());
    if !entry.is_table() {
        *entry = toml::Table::new().into();
    }
    entry.as_table_mut().expect("made a table above")
}

/// `[settings...]` as Bottlerocket reads it.
fn wrap_settings(settings: toml::Table) -> String {
    let mut top = toml::Table::new();
    top.insert("settings".into(), settings.into());
    toml::to_string(&top).unwrap_or_default()
}

/// Render a plan's user data spec with the control plane's outputs.
pub(crate) fn render_spec(ctx: &StepContext<'_>, spec: &UserDataSpec) -> anyhow::Result<String> {
    let endpoint = ctx.resolve(&spec.endpoint)?;
    let ca = ctx.resolve(&spec.certificate_authority)?;
    let service_cidr =
        ctx.resolve_opt(&spec.service_cidr)?.unwrap_or_else(|| DEFAULT_SERVICE_CIDR.to_string());
    let b = NodeBootstrap {
        cluster_name: &spec.cluster_name,
        endpoint: &endpoint,
        certificate_authority: &ca,
        service_cidr: &service_cidr,
        labels: &spec.labels,
        taints: &spec.taints,
        max_pods: spec.max_pods,
        pre_bootstrap_commands: &spec.pre_bootstrap_commands,
        override_bootstrap_command: spec.override_bootstrap_command.as_deref(),
        settings: &spec.settings,
        container_runtime: spec.container_runtime.as_deref(),
        cluster_dns: spec.cluster_dns.as_deref(),
        kubelet_extra: &spec.kubelet_extra,
    };
    Ok(render(&spec.template, &b)?)
}

/// User data of a managed node group's launch template, or `None` when there is nothing to add.
/// EKS merges it with its own bootstrap (the cluster's name, endpoint and CA are EKS's to give),
/// so it holds only what the config adds, as eksctl renders it (`pkg/nodebootstrap`):
/// - AmazonLinux2023: a `#!/bin/bash` part per `preBootstrapCommands` entry, a `NodeConfig` with
///   `maxPods` for `maxPodsPerNode`, and `overrideBootstrapCommand` as a `NodeConfig` of its own;
/// - AmazonLinux2: a part per `preBootstrapCommands` entry and, for `maxPodsPerNode`, a script
///   that passes `--max-pods` to the bootstrap script;
/// - Bottlerocket: TOML with the file's `bottlerocket.settings` and `settings.kubernetes.max-pods`;
/// - Windows: the `preBootstrapCommands` in one `<powershell>` block (eksctl's `ManagedWindows`).
pub fn managed(
    family: &str,
    pre_bootstrap_commands: &[String],
    max_pods: Option<i32>,
    override_bootstrap_command: Option<&str>,
    settings: &serde_json::Map<String, serde_json::Value>,
) -> Option<String> {
    if crate::config::rules::windows(family).is_some() {
        if pre_bootstrap_commands.is_empty() {
            return None;
        }
        return Some(format!("<powershell>\n{}\n</powershell>", pre_bootstrap_commands.join("\n")));
    }
    if crate::config::rules::bottlerocket(family).is_some() {
        if settings.is_empty() && max_pods.is_none() {
            return None;
        }
        let mut doc = toml_table(settings);
        if max_pods.is_some() {
            group_settings(table_at(&mut doc, "kubernetes"), &BTreeMap::new(), &[], max_pods);
        }
        return Some(wrap_settings(doc));
    }
    let mut scripts: Vec<String> = Vec::new();
    let mut node_configs: Vec<String> = Vec::new();
    if family == "AmazonLinux2" {
        scripts.extend(pre_bootstrap_commands.iter().cloned());
        if let Some(n) = max_pods {
            scripts.push(format!(
                "#!/bin/sh\nset -ex\nsed -i 's/KUBELET_EXTRA_ARGS=$2/KUBELET_EXTRA_ARGS=\"$2 --max-pods={n}\"/' /etc/eks/bootstrap.sh"
            ));
        }
        scripts.extend(override_bootstrap_command.map(str::to_string));
    } else {
        scripts.extend(pre_bootstrap_commands.iter().map(|c| format!("#!/bin/bash\n{c}")));
        if let Some(n) = max_pods {
            node_configs.push(format!(
                "apiVersion: node.eks.aws/v1alpha1\nkind: NodeConfig\nspec:\n  kubelet:\n    config:\n      maxPods: {n}"
            ));
        }
        node_configs.extend(override_bootstrap_command.map(str::to_string));
    }
    if scripts.is_empty() && node_configs.is_empty() {
        return None;
    }
    let mut out = String::from("MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"//\"\r\n\r\n");
    for script in &scripts {
        out.push_str("--//\r\nContent-Type: text/x-shellscript; charset=\"us-ascii\"\r\n\r\n");
        out.push_str(&script.replace('\n', "\r\n"));
        out.push_str("\r\n");
    }
    for config in &node_configs {
        out.push_str("--//\r\nContent-Type: application/node.eks.aws\r\n\r\n");
        out.push_str(&config.replace('\n', "\r\n"));
        out.push_str("\r\n");
    }
    out.push_str("--//--\r\n");
    Some(out)
}

/// A `#!/bin/bash` MIME part (empty when there are no commands).
fn shell_part(commands: &[String]) -> String {
    if commands.is_empty() {
        return String::new();
    }
    format!(
        "--//\nContent-Type: text/x-shellscript; charset=\"us-ascii\"\n\n#!/bin/bash\nset -o errexit -o nounset -o xtrace\n{}\n\n",
        commands.join("\n")
    )
}

/// The cluster DNS address: the service CIDR's network address + 10 (`10.100.0.10`, or
/// `fd30:1c53:5f8a::a` in an `IPv6` cluster, as eksctl's `getClusterDNS` sets the last byte).
pub fn cluster_dns(service_cidr: &str) -> String {
    if let Ok(net) = service_cidr.parse::<ipnet::Ipv6Net>() {
        return std::net::Ipv6Addr::from(u128::from(net.network()) + 10).to_string();
    }
    let net: Ipv4Net = service_cidr.parse().unwrap_or_else(|_| {
        DEFAULT_SERVICE_CIDR
            .parse()
            .unwrap_or_else(|_| Ipv4Net::new(Ipv4Addr::new(10, 100, 0, 0), 16).unwrap_or_default())
    });
    Ipv4Addr::from(u32::from(net.network()) + 10).to_string()
}

fn substitute(template: &str, values: &[(&str, String)]) -> String {
    let mut out = template.to_string();
    for (key, value) in values {
        out = out.replace(&format!("{{{{{key}}}}}"), value);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bootstrap<'a>(
        labels: &'a BTreeMap<String, String>,
        taints: &'a [String],
        pre: &'a [String],
    ) -> NodeBootstrap<'a> {
        NodeBootstrap {
            cluster_name: "demo",
            endpoint: "https://ABC.gr7.us-west-2.eks.amazonaws.com",
            certificate_authority: "Q0FEQVRB",
            service_cidr: "172.20.0.0/16",
            labels,
            taints,
            max_pods: Some(58),
            pre_bootstrap_commands: pre,
            override_bootstrap_command: None,
            settings: &NO_SETTINGS,
            container_runtime: None,
            cluster_dns: None,
            kubelet_extra: &NO_SETTINGS,
        }
    }

    static NO_SETTINGS: std::sync::LazyLock<serde_json::Map<String, serde_json::Value>> =
        std::sync::LazyLock::new(serde_json::Map::new);

    #[test]
    fn cluster_dns_is_network_plus_ten() {
        assert_eq!(cluster_dns("10.100.0.0/16"), "10.100.0.10");
        assert_eq!(cluster_dns("172.20.0.0/16"), "172.20.0.10");
        assert_eq!(cluster_dns("nonsense"), "10.100.0.10");
        assert_eq!(cluster_dns("fd30:1c53:5f8a::/108"), "fd30:1c53:5f8a::a");
    }

    #[test]
    fn al2023_is_a_mime_document_with_a_node_config() {
        let labels =
            BTreeMap::from([("role".to_string(), "web".to_string()), ("tier".to_string(), "a".to_string())]);
        let taints = vec!["dedicated=web:NoSchedule".to_string()];
        let pre = vec!["echo hello".to_string()];
        let out = render("al2023", &bootstrap(&labels, &taints, &pre)).unwrap();
        assert!(out.starts_with("MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"//\""));
        assert!(out.contains("Content-Type: application/node.eks.aws"));
        assert!(out.contains("kind: NodeConfig"));
        assert!(out.contains("    name: demo\n"));
        assert!(out.contains("    apiServerEndpoint: https://ABC.gr7.us-west-2.eks.amazonaws.com\n"));
        assert!(out.contains("    certificateAuthority: Q0FEQVRB\n"));
        assert!(out.contains("    cidr: 172.20.0.0/16\n"));
        assert!(out.contains("        - 172.20.0.10\n      maxPods: 58\n    flags:\n"));
        assert!(out.contains("      - --node-labels=role=web,tier=a\n"));
        assert!(out.contains("      - --register-with-taints=dedicated=web:NoSchedule\n"));
        assert!(out.contains("#!/bin/bash\nset -o errexit -o nounset -o xtrace\necho hello\n"));
        assert!(out.ends_with("--//--\n"));
        assert!(!out.contains("{{"));
        // The shell part comes before the NodeConfig part.
        assert!(out.find("echo hello").unwrap() < out.find("kind: NodeConfig").unwrap());
    }

    #[test]
    fn al2023_takes_the_files_kubelet_fields_and_dns_server() {
        let labels = BTreeMap::new();
        let extra: serde_json::Map<String, serde_json::Value> = serde_json::from_str(
            r#"{"kubeReserved": {"cpu": "300m", "memory": "300Mi"}, "featureGates": {"DisableKubeletCloudCredentialProviders": true}}"#,
        )
        .unwrap();
        let mut b = bootstrap(&labels, &[], &[]);
        b.kubelet_extra = &extra;
        b.cluster_dns = Some("169.254.20.10");
        let out = render("al2023", &b).unwrap();
        let config = "      clusterDNS:\n        - 169.254.20.10\n      featureGates: {\"DisableKubeletCloudCredentialProviders\":true}\n      kubeReserved: {\"cpu\":\"300m\",\"memory\":\"300Mi\"}\n      maxPods: 58\n    flags:\n";
        assert!(out.contains(config), "{out}");
        // The NodeConfig part is YAML nodeadm reads: the values are maps again.
        let part = out
            .split("Content-Type: application/node.eks.aws\n\n")
            .nth(1)
            .unwrap()
            .split("\n--//")
            .next()
            .unwrap();
        let doc: serde_json::Value = serde_saphyr::from_str(part).unwrap();
        assert_eq!(doc["spec"]["kubelet"]["config"]["kubeReserved"]["memory"], "300Mi", "{doc}");
        // Other families take the DNS server too.
        assert!(render("al2", &b).unwrap().contains("--dns-cluster-ip '169.254.20.10'"));
    }

    #[test]
    fn al2023_without_extras_has_empty_flags() {
        let labels = BTreeMap::new();
        let mut b = bootstrap(&labels, &[], &[]);
        b.max_pods = None;
        let out = render("al2023", &b).unwrap();
        assert!(out.contains("        - 172.20.0.10\n    flags:\n      []\n"));
        assert!(!out.contains("x-shellscript"));
    }

    #[test]
    fn al2_calls_bootstrap_sh() {
        let labels = BTreeMap::from([("role".to_string(), "web".to_string())]);
        let pre = vec!["yum install -y htop".to_string()];
        let out = render("al2", &bootstrap(&labels, &[], &pre)).unwrap();
        assert!(out.starts_with("#!/bin/bash\n"));
        assert!(out.contains("yum install -y htop\n/etc/eks/bootstrap.sh 'demo' --apiserver-endpoint"));
        assert!(out.contains("--dns-cluster-ip '172.20.0.10' --use-max-pods false --kubelet-extra-args '--node-labels=role=web --max-pods=58'"));
    }

    #[test]
    fn bottlerocket_is_toml_settings() {
        let labels = BTreeMap::from([("role".to_string(), "web".to_string())]);
        let taints = vec!["dedicated=web:NoSchedule".to_string()];
        let out = render("bottlerocket", &bootstrap(&labels, &taints, &[])).unwrap();
        let doc: toml::Table = out.parse().unwrap();
        let k = &doc["settings"]["kubernetes"];
        assert_eq!(k["cluster-name"].as_str(), Some("demo"));
        assert_eq!(k["cluster-dns-ip"].as_str(), Some("172.20.0.10"));
        assert_eq!(k["max-pods"].as_integer(), Some(58));
        assert_eq!(k["node-labels"]["role"].as_str(), Some("web"));
        assert_eq!(k["node-taints"]["dedicated"].as_array().unwrap()[0].as_str(), Some("web:NoSchedule"));
    }

    /// The file's settings go around eksup's; keys TOML must quote stay one key, and quotes in
    /// values stay in the value.
    #[test]
    fn bottlerocket_takes_the_files_settings() {
        let labels = BTreeMap::from([("example.com/role".to_string(), "say \"hi\"".to_string())]);
        let settings = serde_json::json!({
            "motd": "Hello, eksctl!",
            "host-containers": { "admin": { "enabled": true } },
            "kubernetes": { "cluster-dns-ip": "10.0.0.2", "allowed-unsafe-sysctls": ["net.core.somaxconn"] },
            "kernel": { "sysctl": { "vm.max_map_count": "262144" } },
        });
        let settings = settings.as_object().unwrap().clone();
        let mut b = bootstrap(&labels, &[], &[]);
        b.settings = &settings;
        let out = render("bottlerocket", &b).unwrap();
        let doc: toml::Table = out.parse().unwrap();
        let s = &doc["settings"];
        assert_eq!(s["motd"].as_str(), Some("Hello, eksctl!"));
        assert_eq!(s["host-containers"]["admin"]["enabled"].as_bool(), Some(true));
        assert_eq!(s["kernel"]["sysctl"]["vm.max_map_count"].as_str(), Some("262144"));
        let k = &s["kubernetes"];
        assert_eq!(k["cluster-dns-ip"].as_str(), Some("10.0.0.2"), "the file's DNS address is kept");
        assert_eq!(k["cluster-name"].as_str(), Some("demo"));
        assert_eq!(k["allowed-unsafe-sysctls"][0].as_str(), Some("net.core.somaxconn"));
        assert_eq!(k["node-labels"]["example.com/role"].as_str(), Some("say \"hi\""));
        // A managed group's: only the file's and max pods (EKS adds the cluster's).
        let of_managed = managed("Bottlerocket", &[], Some(17), None, &settings).unwrap();
        let doc: toml::Table = of_managed.parse().unwrap();
        assert_eq!(doc["settings"]["motd"].as_str(), Some("Hello, eksctl!"));
        assert_eq!(doc["settings"]["kubernetes"]["max-pods"].as_integer(), Some(17));
        assert!(doc["settings"]["kubernetes"].get("cluster-name").is_none());
        assert_eq!(managed("Bottlerocket", &[], None, None, &serde_json::Map::new()), None);
    }

    #[test]
    fn ubuntu_calls_canonicals_bootstrap_script_as_eksctl_does() {
        let labels = BTreeMap::from([("role".to_string(), "u".to_string())]);
        let taints = vec!["dedicated=u:NoSchedule".to_string()];
        let commands = vec!["echo hi".to_string()];
        let ud = render("ubuntu", &bootstrap(&labels, &taints, &commands)).unwrap();
        assert!(ud.starts_with("#!/bin/bash\nset -o errexit -o nounset -o xtrace\necho hi\n"), "{ud}");
        assert!(
            ud.contains("/etc/eks/bootstrap.sh 'demo' --dns-cluster-ip '172.20.0.10' --kubelet-extra-args '--node-labels=role=u --register-with-taints=dedicated=u:NoSchedule --max-pods=58'\n"),
            "{ud}"
        );
        // No nodeadm, and no flags eksctl does not pass to Canonical's script.
        assert!(
            !ud.contains("NodeConfig")
                && !ud.contains("--apiserver-endpoint")
                && !ud.contains("--use-max-pods"),
            "{ud}"
        );
        let b = NodeBootstrap {
            override_bootstrap_command: Some("/etc/eks/bootstrap.sh demo"),
            ..bootstrap(&labels, &taints, &[])
        };
        assert!(render("ubuntu", &b).unwrap().ends_with("\n/etc/eks/bootstrap.sh demo\n"));
    }

    #[test]
    fn windows_calls_the_amis_bootstrap_script() {
        let labels = BTreeMap::from([("role".to_string(), "win".to_string())]);
        let taints = vec!["os=windows:NoSchedule".to_string()];
        let b = NodeBootstrap { container_runtime: Some("containerd"), ..bootstrap(&labels, &taints, &[]) };
        let ud = render("windows", &b).unwrap();
        assert!(ud.starts_with("<powershell>\n[string]$EKSBootstrapScriptFile = \"$env:ProgramFiles\\Amazon\\EKS\\Start-EKSBootstrap.ps1\"\n"), "{ud}");
        assert!(ud.contains("& $EKSBootstrapScriptFile -EKSClusterName \"demo\" -APIServerEndpoint \"https://ABC.gr7.us-west-2.eks.amazonaws.com\""), "{ud}");
        assert!(ud.contains("-ServiceCIDR \"172.20.0.0/16\" -DNSClusterIP \"172.20.0.10\" -ContainerRuntime \"containerd\""), "{ud}");
        assert!(ud.contains("-KubeletExtraArgs \"--node-labels=role=win --register-with-taints=os=windows:NoSchedule --max-pods=58\" 3>&1 4>&1 5>&1 6>&1\n</powershell>"), "{ud}");
    }

    #[test]
    fn windows_override_gets_the_parameters_as_variables() {
        let (labels, taints) = (BTreeMap::new(), Vec::new());
        let command = "& $EKSBootstrapScriptFile -EKSClusterName \"$EKSClusterName\" -KubeletExtraArgs \"$KubeletExtraArgs\"";
        let b = NodeBootstrap {
            override_bootstrap_command: Some(command),
            max_pods: None,
            ..bootstrap(&labels, &taints, &[])
        };
        let ud = render("windows", &b).unwrap();
        assert!(ud.contains("\n[string]$EKSClusterName = 'demo'\n"), "{ud}");
        assert!(
            ud.contains("[string]$KubeletExtraArgs = '--node-labels= --register-with-taints='\n"),
            "{ud}"
        );
        assert!(ud.contains("$KubeletExtraArgsMap = @{ 'node-labels' = ''; 'register-with-taints' = ''}\n& $EKSBootstrapScriptFile"), "{ud}");
        assert!(!ud.contains("3>&1"), "the file's command alone: {ud}");
    }

    #[test]
    fn unknown_template_is_an_error() {
        let labels = BTreeMap::new();
        assert!(render("debian", &bootstrap(&labels, &[], &[])).is_err());
    }
}
