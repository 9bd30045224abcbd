//! `vpc.networkAcls` on the emulator: the two ACLs are created with eksup's ownership tags and the
//! rules EKS needs, associated with their subnets, brought back to those rules on a re-run, shown
//! by the dry-run, and deleted with the cluster (subnets back on the VPC's default ACL first).

use std::collections::BTreeSet;

use serde_json::Value;

use crate::support::Emulator;

const CONFIG: &str = r#"
apiVersion: eksup.io/v1alpha1
kind: ClusterConfig
metadata:
  name: acl
  region: us-west-2
vpc:
  cidr: 10.20.0.0/16
  networkAcls:
    enabled: true
fargateProfiles:
  - name: apps
    selectors:
      - namespace: apps
"#;

fn acls(emu: &Emulator) -> Vec<Value> {
    let out = emu.aws(&["ec2", "describe-network-acls", "--filters", "Name=tag:eksup.io/cluster,Values=acl"]);
    out["NetworkAcls"].as_array().cloned().unwrap_or_default()
}

fn tag<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v["Tags"].as_array()?.iter().find(|t| t["Key"] == key)?["Value"].as_str()
}

/// `(egress, rule number, protocol, cidr, from, to)` of an ACL's own rules.
fn rules(acl: &Value) -> BTreeSet<(bool, i64, String, String, i64, i64)> {
    acl["Entries"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["RuleNumber"].as_i64() != Some(32767))
        .map(|e| {
            assert_eq!(e["RuleAction"], "allow", "{e}");
            (
                e["Egress"].as_bool().unwrap(),
                e["RuleNumber"].as_i64().unwrap(),
                e["Protocol"].as_str().unwrap().to_string(),
                e["CidrBlock"].as_str().unwrap().to_string(),
                e["PortRange"]["From"].as_i64().unwrap_or(0),
                e["PortRange"]["To"].as_i64().unwrap_or(0),
            )
        })
        .collect()
}

#[test]
fn network_acls_are_created_converged_and_deleted() {
    let emu = Emulator::builder().region("us-west-2").start();
    emu.aws(&["ec2", "describe-availability-zones"]);
    let file = emu.home().join("acl.yaml");
    std::fs::write(&file, CONFIG).unwrap();

    // the dry-run shows them
    let out = emu.eksup().args(["create", "cluster", "--dry-run", "-f"]).arg(&file).output().unwrap();
    let plan = String::from_utf8_lossy(&out.stdout);
    assert!(plan.contains("[network-acl-public]") && plan.contains("[network-acl-private]"), "{plan}");

    let create = || {
        let out = emu.eksup().args(["create", "cluster", "-o", "json", "-f"]).arg(&file).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stdout).to_string()
    };
    create();
    let found = acls(&emu);
    assert_eq!(found.len(), 2, "{found:?}");
    let vpc = found[0]["VpcId"].as_str().unwrap().to_string();
    for acl in &found {
        let step = tag(acl, "eksup.io/resource").unwrap();
        let kind = step.strip_prefix("network-acl-").unwrap();
        assert_eq!(tag(acl, "app.kubernetes.io/managed-by"), Some("eksup"), "{acl}");
        assert_eq!(acl["IsDefault"], false);
        let r = rules(acl);
        let tcp = |egress, n, cidr: &str, from, to| (egress, n, "6".to_string(), cidr.to_string(), from, to);
        // HTTPS and the kubelet within the VPC, both ways; ephemeral ports; DNS; HTTPS out
        for egress in [false, true] {
            assert!(r.contains(&tcp(egress, 100, "10.20.0.0/16", 443, 443)), "{kind}: {r:?}");
            assert!(r.contains(&tcp(egress, 110, "10.20.0.0/16", 10250, 10250)), "{kind}: {r:?}");
            assert!(r.contains(&tcp(egress, 140, "0.0.0.0/0", 1024, 65535)), "{kind}: {r:?}");
            assert!(r.contains(&(egress, 130, "17".to_string(), "10.20.0.0/16".to_string(), 53, 53)));
        }
        assert!(r.contains(&tcp(true, 200, "0.0.0.0/0", 443, 443)));
        assert_eq!(r.contains(&tcp(false, 200, "0.0.0.0/0", 443, 443)), kind == "public", "{kind}: {r:?}");
        // associated with exactly the subnets of its kind
        let subnets = emu.aws(&[
            "ec2",
            "describe-subnets",
            "--filters",
            "Name=tag:eksup.io/cluster,Values=acl",
            &format!("Name=tag:eksup.io/resource,Values=subnet-{kind}-*"),
        ]);
        let want: BTreeSet<&str> =
            subnets["Subnets"].as_array().unwrap().iter().filter_map(|s| s["SubnetId"].as_str()).collect();
        let got: BTreeSet<&str> =
            acl["Associations"].as_array().unwrap().iter().filter_map(|a| a["SubnetId"].as_str()).collect();
        assert_eq!(got, want, "{kind}");
        assert_eq!(want.len(), 3);
    }

    // someone changes a rule and removes another: the re-run puts them back
    let public = found.iter().find(|a| tag(a, "eksup.io/resource") == Some("network-acl-public")).unwrap();
    let id = public["NetworkAclId"].as_str().unwrap();
    let want = rules(public);
    emu.aws(&[
        "ec2",
        "replace-network-acl-entry",
        "--network-acl-id",
        id,
        "--ingress",
        "--rule-number",
        "100",
        "--protocol",
        "6",
        "--port-range",
        "From=22,To=22",
        "--cidr-block",
        "0.0.0.0/0",
        "--rule-action",
        "allow",
    ]);
    emu.aws(&["ec2", "delete-network-acl-entry", "--network-acl-id", id, "--egress", "--rule-number", "110"]);
    emu.aws(&[
        "ec2",
        "create-network-acl-entry",
        "--network-acl-id",
        id,
        "--ingress",
        "--rule-number",
        "90",
        "--protocol",
        "-1",
        "--cidr-block",
        "0.0.0.0/0",
        "--rule-action",
        "allow",
    ]);
    let events = create();
    let updated = events
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .find(|e| e["event"] == "stepFinished" && e["step"] == "network-acl-public");
    assert_eq!(updated.unwrap()["action"], "updated");
    let again = acls(&emu);
    let public = again.iter().find(|a| a["NetworkAclId"] == id).unwrap();
    assert_eq!(rules(public), want, "converged back to eksup's rules");

    // delete: the ACLs go, and with them the VPC
    let out = emu.eksup().args(["delete", "cluster", "--yes", "-f"]).arg(&file).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(acls(&emu).is_empty());
    let gone = emu.aws_result(&["ec2", "describe-vpcs", "--vpc-ids", &vpc]);
    assert!(gone.is_err_and(|e| e.contains("InvalidVpcID.NotFound")), "the VPC is gone");
}
