//! `utils update-cluster-logging` and `utils update-cluster-vpc-config`: a plan without
//! `--approve`, the change applied and waited for (behind an update already in progress, which EKS
//! refuses to run beside it), and nothing called when nothing would change.

use serde_json::Value;

use crate::support::{Emulator, Run};

fn utils(emu: &Emulator, args: &[&str]) -> Run {
    let mut cmd = emu.eksup();
    cmd.arg("utils").args(args);
    Run::of(&mut cmd)
}

fn logging_on(emu: &Emulator) -> Vec<String> {
    let cluster = emu.aws(&["eks", "describe-cluster", "--name", "demo"]);
    let mut on: Vec<String> = cluster["cluster"]["logging"]["clusterLogging"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["enabled"] == true)
        .flat_map(|s| s["types"].as_array().unwrap().iter().map(|t| t.as_str().unwrap().to_string()))
        .collect();
    on.sort();
    on
}

#[test]
fn cluster_logging_and_endpoints_change_in_place() {
    let emu = Emulator::builder().env("MOTO_EKS_UPDATE_SECONDS", "2").start();
    let config = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/managed.yaml");
    Run::of(emu.eksup().args(["create", "cluster", "--wait-nodes=false", "-f"]).arg(&config))
        .expect(0, "create");
    assert_eq!(logging_on(&emu), Vec::<String>::new());

    // The plan: nothing changes.
    let plan = utils(&emu, &["update-cluster-logging", "--cluster", "demo", "--enable-types", "api,audit"]);
    let plan = plan.expect(0, "update-cluster-logging without --approve");
    assert!(
        plan.stderr.contains("would change cluster `demo`: logging of `api` on, logging of `audit` on"),
        "{}",
        plan.stderr
    );
    assert!(plan.stderr.contains("`--approve`"), "{}", plan.stderr);
    assert_eq!(logging_on(&emu), Vec::<String>::new());

    // Applied and waited for.
    let args = [
        "update-cluster-logging",
        "--cluster",
        "demo",
        "--enable-types",
        "api,audit",
        "--approve",
        "-o",
        "json",
    ];
    let done = utils(&emu, &args).expect(0, "update-cluster-logging --approve");
    let report: Value = serde_json::from_str(&done.stdout).unwrap();
    assert_eq!(report["action"], "updated", "{report}");
    let id = report["updateId"].as_str().unwrap();
    let update = emu.aws(&["eks", "describe-update", "--name", "demo", "--update-id", id]);
    assert_eq!(update["update"]["status"], "Successful", "eksup returned before the update was done");
    assert_eq!(logging_on(&emu), ["api", "audit"]);

    // Behind an update in progress: EKS refuses it meanwhile, eksup waits its turn.
    let logging = r#"{"clusterLogging":[{"types":["scheduler"],"enabled":true}]}"#;
    emu.aws(&["eks", "update-cluster-config", "--name", "demo", "--logging", logging]);
    let args = ["update-cluster-vpc-config", "--cluster", "demo", "--private-access", "--approve"];
    let endpoints = utils(&emu, &args).expect(0, "update-cluster-vpc-config behind another update");
    assert!(endpoints.stderr.contains("private endpoint on"), "{}", endpoints.stderr);
    let vpc = &emu.aws(&["eks", "describe-cluster", "--name", "demo"])["cluster"]["resourcesVpcConfig"];
    assert_eq!(vpc["endpointPrivateAccess"], true, "{vpc}");
    assert_eq!(vpc["endpointPublicAccess"], true, "{vpc}");

    // Nothing to change: no call.
    let before = emu.calls().get("eks:UpdateClusterConfig").copied();
    let again = utils(
        &emu,
        &["update-cluster-vpc-config", "--cluster", "demo", "--private-access=true", "--approve"],
    );
    let again = again.expect(0, "the same change again");
    assert!(again.stderr.contains("nothing to change"), "{}", again.stderr);
    assert_eq!(emu.calls().get("eks:UpdateClusterConfig").copied(), before);

    // The authentication mode moves towards access entries, never back.
    let mode = |emu: &Emulator| {
        emu.aws(&["eks", "describe-cluster", "--name", "demo"])["cluster"]["accessConfig"]["authenticationMode"].clone()
    };
    assert_eq!(mode(&emu), "API_AND_CONFIG_MAP");
    let args =
        ["update-authentication-mode", "--cluster", "demo", "--authentication-mode", "API", "--approve"];
    let api = utils(&emu, &args).expect(0, "update-authentication-mode");
    assert!(api.stderr.contains("authentication mode `API_AND_CONFIG_MAP` -> `API`"), "{}", api.stderr);
    assert_eq!(mode(&emu), "API");
    let args = [
        "update-authentication-mode",
        "--cluster",
        "demo",
        "--authentication-mode",
        "CONFIG_MAP",
        "--approve",
    ];
    let back = utils(&emu, &args).expect(2, "back to CONFIG_MAP");
    assert!(back.stderr.contains("cannot go back from `API`"), "{}", back.stderr);

    // What EKS would refuse is refused before asking.
    let both_off = utils(
        &emu,
        &[
            "update-cluster-vpc-config",
            "--cluster",
            "demo",
            "--public-access=false",
            "--private-access=false",
            "--approve",
        ],
    );
    let both_off = both_off.expect(2, "both endpoints off");
    assert!(both_off.stderr.contains("needs a public or a private endpoint"), "{}", both_off.stderr);
    let unknown =
        utils(&emu, &["update-cluster-logging", "--cluster", "demo", "--enable-types", "apiserver"]);
    let unknown = unknown.expect(2, "an unknown log type");
    assert!(
        unknown.stderr.contains("unknown log type `apiserver`") && unknown.stderr.contains("hint:"),
        "{}",
        unknown.stderr
    );
}

#[test]
fn an_oidc_provider_is_associated_once_and_goes_with_the_cluster() {
    let emu = Emulator::start();
    let config = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/managed.yaml");
    Run::of(emu.eksup().args(["create", "cluster", "--wait-nodes=false", "-f"]).arg(&config))
        .expect(0, "create");
    let providers = |emu: &Emulator| {
        emu.aws(&["iam", "list-open-id-connect-providers"])["OpenIDConnectProviderList"]
            .as_array()
            .unwrap()
            .len()
    };
    assert_eq!(providers(&emu), 0);

    let plan =
        utils(&emu, &["associate-iam-oidc-provider", "--cluster", "demo"]).expect(0, "without --approve");
    assert!(plan.stderr.contains("would create an IAM OIDC provider for `https://"), "{}", plan.stderr);
    assert_eq!(providers(&emu), 0);

    let args = ["associate-iam-oidc-provider", "--cluster", "demo", "--approve", "-o", "json"];
    let made = utils(&emu, &args).expect(0, "associate");
    let report: Value = serde_json::from_str(&made.stdout).unwrap();
    assert_eq!(report["action"], "created", "{report}");
    let arn = report["providerArn"].as_str().unwrap();
    let tags = emu.aws(&["iam", "list-open-id-connect-provider-tags", "--open-id-connect-provider-arn", arn]);
    assert!(
        tags["Tags"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t["Key"] == "eksup.io/cluster" && t["Value"] == "demo"),
        "{tags}"
    );

    let again =
        utils(&emu, &["associate-iam-oidc-provider", "--cluster", "demo", "--approve"]).expect(0, "again");
    assert!(again.stderr.contains("has an IAM OIDC provider already"), "{}", again.stderr);
    assert_eq!(providers(&emu), 1);

    Run::of(emu.eksup().args(["delete", "cluster", "--name", "demo", "--yes"])).expect(0, "delete cluster");
    assert_eq!(providers(&emu), 0, "the provider outlived its cluster");
}
