//! The EKS AMI of a node group: its type (managed groups) or SSM parameter (self-managed ones).

use crate::config::rules::{ARM_FAMILIES, bottlerocket, ubuntu, windows};

/// Instance families by what their AMI needs (eksctl's generated instance table,
/// `pkg/utils/instance/instance_types.go`, read by `amitype.go`); ARM ones are in the config's
/// rules, which validation shares.
const NVIDIA_FAMILIES: &[&str] = &[
    "g4dn", "g5", "g5g", "g6", "g6e", "g6f", "g7", "g7e", "gr6", "gr6f", "p3dn", "p4d", "p4de", "p5", "p5e",
    "p5en", "p6-b200", "p6-b300",
];
const NEURON_FAMILIES: &[&str] = &["inf1", "inf2", "trn1", "trn1n", "trn2"];

/// The instance type whose AMI a group of several types runs (eksctl's `SelectInstanceType`):
/// a GPU or Neuron type if there is one, so that the AMI has what those instances need, else the
/// first; `single` when there is no list.
pub fn ami_instance_type<'a>(types: &'a [String], single: &'a str) -> &'a str {
    let accelerated = |t: &&String| {
        let class = t.split('.').next().unwrap_or_default();
        NVIDIA_FAMILIES.contains(&class) || NEURON_FAMILIES.contains(&class)
    };
    types.iter().find(accelerated).or(types.first()).map_or(single, String::as_str)
}

/// The EKS AMI type for a family and instance type, as eksctl maps them: ARM, NVIDIA (also on
/// ARM: g5g) and Neuron (Inferentia, Trainium) get their own images. Ubuntu has none (EKS's
/// `CUSTOM`, which CreateNodegroup takes by leaving the type out): empty.
pub fn ami_type(family: &str, instance_type: &str) -> String {
    if ubuntu(family).is_some() {
        return String::new();
    }
    if let Some((year, edition)) = windows(family) {
        return format!("WINDOWS_{}_{year}_x86_64", edition.to_ascii_uppercase());
    }
    let class = instance_type.split('.').next().unwrap_or_default();
    let arm = ARM_FAMILIES.contains(&class);
    let nvidia = NVIDIA_FAMILIES.contains(&class);
    let neuron = NEURON_FAMILIES.contains(&class);
    // eksctl's `amitype.go`: FIPS images of each Bottlerocket type (Neuron types run the plain one).
    if let Some(fips) = bottlerocket(family) {
        let base = match (arm, nvidia) {
            (true, true) => "BOTTLEROCKET_ARM_64_NVIDIA",
            (true, false) => "BOTTLEROCKET_ARM_64",
            (false, true) => "BOTTLEROCKET_x86_64_NVIDIA",
            (false, false) => "BOTTLEROCKET_x86_64",
        };
        return if fips { format!("{base}_FIPS") } else { base.to_string() };
    }
    match family {
        "AmazonLinux2" if arm => "AL2_ARM_64",
        "AmazonLinux2" if nvidia || neuron => "AL2_x86_64_GPU",
        "AmazonLinux2" => "AL2_x86_64",
        _ if arm && nvidia => "AL2023_ARM_64_NVIDIA",
        _ if arm => "AL2023_ARM_64_STANDARD",
        _ if nvidia => "AL2023_x86_64_NVIDIA",
        _ if neuron => "AL2023_x86_64_NEURON",
        _ => "AL2023_x86_64_STANDARD",
    }
    .to_string()
}

/// The public SSM parameter holding the EKS AMI of `family` for Kubernetes `version`, as
/// eksctl's resolver names them (`pkg/ami/ssm_resolver.go`).
pub fn ssm_parameter(family: &str, version: &str, instance_type: &str) -> String {
    if let Some((year, edition)) = windows(family) {
        return format!(
            "/aws/service/ami-windows-latest/Windows_Server-{year}-English-{edition}-EKS_Optimized-{version}/image_id"
        );
    }
    if let Some((release, pro)) = ubuntu(family) {
        // Canonical's parameters: `eks-pro` for Ubuntu Pro, Debian's architecture names, and
        // gp3 root volumes from 24.04 (gp2 before).
        let product = if pro { "eks-pro" } else { "eks" };
        let arch = if crate::config::rules::is_arm(instance_type) { "arm64" } else { "amd64" };
        let volume = if matches!(release, "20.04" | "22.04") { "ebs-gp2" } else { "ebs-gp3" };
        return format!(
            "/aws/service/canonical/ubuntu/{product}/{release}/{version}/stable/current/{arch}/hvm/{volume}/ami-id"
        );
    }
    let t = ami_type(family, instance_type);
    let arch = if t.contains("ARM") { "arm64" } else { "x86_64" };
    match family {
        "AmazonLinux2" => {
            let flavour = if t.contains("ARM") {
                "-arm64"
            } else if t.contains("GPU") {
                "-gpu"
            } else {
                ""
            };
            format!("/aws/service/eks/optimized-ami/{version}/amazon-linux-2{flavour}/recommended/image_id")
        }
        // eksctl's `ssm_resolver.go`: `aws-k8s-<version>[-nvidia]-fips` for the FIPS images.
        f if bottlerocket(f).is_some() => {
            let nvidia = if t.contains("NVIDIA") { "-nvidia" } else { "" };
            let fips = if bottlerocket(f) == Some(true) { "-fips" } else { "" };
            format!("/aws/service/bottlerocket/aws-k8s-{version}{nvidia}{fips}/{arch}/latest/image_id")
        }
        _ => {
            let flavour = if t.contains("NVIDIA") {
                "nvidia"
            } else if t.contains("NEURON") {
                "neuron"
            } else {
                "standard"
            };
            format!(
                "/aws/service/eks/optimized-ami/{version}/amazon-linux-2023/{arch}/{flavour}/recommended/image_id"
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ubuntu_images_are_canonicals_parameters() {
        assert_eq!(
            ssm_parameter("Ubuntu2204", "1.30", "m5.large"),
            "/aws/service/canonical/ubuntu/eks/22.04/1.30/stable/current/amd64/hvm/ebs-gp2/ami-id"
        );
        assert_eq!(
            ssm_parameter("UbuntuPro2004", "1.29", "m6g.large"),
            "/aws/service/canonical/ubuntu/eks-pro/20.04/1.29/stable/current/arm64/hvm/ebs-gp2/ami-id"
        );
        assert_eq!(
            ssm_parameter("Ubuntu2404", "1.33", "c7g.xlarge"),
            "/aws/service/canonical/ubuntu/eks/24.04/1.33/stable/current/arm64/hvm/ebs-gp3/ami-id"
        );
        assert_eq!(
            ssm_parameter("UbuntuPro2604", "1.35", "g5.xlarge"),
            "/aws/service/canonical/ubuntu/eks-pro/26.04/1.35/stable/current/amd64/hvm/ebs-gp3/ami-id"
        );
        assert_eq!(ami_type("Ubuntu2404", "m5.large"), "");
    }

    #[test]
    fn bottlerocket_fips_images_are_eksctls() {
        assert_eq!(ami_type("BottlerocketFips", "m5.large"), "BOTTLEROCKET_x86_64_FIPS");
        assert_eq!(ami_type("BottlerocketFips", "g5g.xlarge"), "BOTTLEROCKET_ARM_64_NVIDIA_FIPS");
        assert_eq!(ami_type("BottlerocketFips", "inf2.xlarge"), "BOTTLEROCKET_x86_64_FIPS");
        assert_eq!(
            ssm_parameter("BottlerocketFips", "1.33", "g5.xlarge"),
            "/aws/service/bottlerocket/aws-k8s-1.33-nvidia-fips/x86_64/latest/image_id"
        );
        assert_eq!(
            ssm_parameter("BottlerocketFips", "1.34", "c7g.large"),
            "/aws/service/bottlerocket/aws-k8s-1.34-fips/arm64/latest/image_id"
        );
        assert_eq!(
            ssm_parameter("Bottlerocket", "1.34", "c7g.large"),
            "/aws/service/bottlerocket/aws-k8s-1.34/arm64/latest/image_id"
        );
    }
}
