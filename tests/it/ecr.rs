//! ECR repositories declared with the cluster and on their own, against the emulator; every
//! setting is read back with awscli.

use crate::support::Emulator;

const CONFIG: &str = r#"apiVersion: eksup.io/v1alpha1
kind: ClusterConfig
metadata:
  name: shop
  region: us-west-2
  version: "1.34"
availabilityZones: [us-west-2a, us-west-2b]
vpc:
  nat:
    gateway: Disable
ecr:
  repositories:
    - name: shop/web
      lifecyclePolicy:
        keepLastImages: 10
        expireUntaggedAfterDays: 3
      pullAccounts: ["111122223333"]
      tags:
        team: web
    - name: shop/worker
      imageTagMutability: MUTABLE
      scanOnPush: false
"#;

fn describe(emu: &Emulator, name: &str) -> serde_json::Value {
    emu.aws(&["ecr", "describe-repositories", "--repository-names", name])["repositories"][0].clone()
}

fn write_config(emu: &Emulator, text: &str) -> std::path::PathBuf {
    let path = emu.home().join("shop.yaml");
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn repositories_are_created_with_every_setting_and_converge_on_a_rerun() {
    let emu = Emulator::start();
    let cfg = write_config(&emu, CONFIG);
    emu.eksup().args(["create", "cluster", "-f"]).arg(&cfg).assert().success();

    let web = describe(&emu, "shop/web");
    assert_eq!(web["imageTagMutability"], "IMMUTABLE");
    assert_eq!(web["imageScanningConfiguration"]["scanOnPush"], true);
    assert_eq!(web["encryptionConfiguration"]["encryptionType"], "AES256");
    let worker = describe(&emu, "shop/worker");
    assert_eq!(worker["imageTagMutability"], "MUTABLE");
    assert_eq!(worker["imageScanningConfiguration"]["scanOnPush"], false);

    let lifecycle = emu.aws(&["ecr", "get-lifecycle-policy", "--repository-name", "shop/web"]);
    let rules: serde_json::Value =
        serde_json::from_str(lifecycle["lifecyclePolicyText"].as_str().unwrap()).unwrap();
    let rules = rules["rules"].as_array().unwrap();
    assert!(
        rules
            .iter()
            .any(|r| r["selection"]["countType"] == "imageCountMoreThan"
                && r["selection"]["countNumber"] == 10)
    );
    assert!(
        rules.iter().any(|r| r["selection"]["tagStatus"] == "untagged" && r["selection"]["countNumber"] == 3)
    );
    let policy = emu.aws(&["ecr", "get-repository-policy", "--repository-name", "shop/web"]);
    let policy: serde_json::Value = serde_json::from_str(policy["policyText"].as_str().unwrap()).unwrap();
    assert_eq!(policy["Statement"][0]["Principal"]["AWS"][0], "arn:aws:iam::111122223333:root");
    assert!(policy["Statement"][0]["Action"].as_array().unwrap().iter().any(|a| a == "ecr:BatchGetImage"));
    let tags =
        emu.aws(&["ecr", "list-tags-for-resource", "--resource-arn", web["repositoryArn"].as_str().unwrap()]);
    let tag =
        |k: &str| tags["tags"].as_array().unwrap().iter().find(|t| t["Key"] == k).map(|t| t["Value"].clone());
    assert_eq!(tag("team"), Some("web".into()));
    assert_eq!(tag("eksup.io/cluster"), Some("shop".into()));

    // someone changes a repository by hand; a re-run brings it back to the declared settings
    emu.aws(&[
        "ecr",
        "put-image-tag-mutability",
        "--repository-name",
        "shop/web",
        "--image-tag-mutability",
        "MUTABLE",
    ]);
    emu.aws(&[
        "ecr",
        "put-image-scanning-configuration",
        "--repository-name",
        "shop/web",
        "--image-scanning-configuration",
        "scanOnPush=false",
    ]);
    emu.aws(&["ecr", "delete-lifecycle-policy", "--repository-name", "shop/web"]);
    let out = emu.eksup().args(["create", "cluster", "-o", "json", "-f"]).arg(&cfg).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let events: Vec<serde_json::Value> =
        String::from_utf8_lossy(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let web_event = events
        .iter()
        .find(|e| e["event"] == "stepFinished" && e["step"] == "ecr-repository-shop-web")
        .unwrap();
    assert_eq!(web_event["action"], "updated");
    let web = describe(&emu, "shop/web");
    assert_eq!(web["imageTagMutability"], "IMMUTABLE");
    assert_eq!(web["imageScanningConfiguration"]["scanOnPush"], true);
    assert!(emu.aws_result(&["ecr", "get-lifecycle-policy", "--repository-name", "shop/web"]).is_ok());

    // encryption cannot change in place: reported, not silently skipped
    let kms =
        CONFIG.replace("      pullAccounts:", "      encryption:\n        type: KMS\n      pullAccounts:");
    let cfg = write_config(&emu, &kms);
    let out = emu.eksup().args(["create", "cluster", "-f"]).arg(&cfg).output().unwrap();
    assert!(out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("encryption cannot be changed in place"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn delete_cluster_keeps_repositories_unless_asked() {
    let emu = Emulator::start();
    let cfg = write_config(&emu, CONFIG);
    emu.eksup().args(["create", "cluster", "-f"]).arg(&cfg).assert().success();
    emu.aws(&[
        "ecr",
        "put-image",
        "--repository-name",
        "shop/web",
        "--image-tag",
        "v1",
        "--image-manifest",
        "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.docker.distribution.manifest.v2+json\"}",
    ]);

    let out = emu.eksup().args(["delete", "cluster", "--yes", "-f"]).arg(&cfg).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("kept ECR repository `shop/web`"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(describe(&emu, "shop/web")["repositoryName"], "shop/web");

    emu.eksup()
        .args(["delete", "cluster", "--yes", "--delete-repositories", "-f"])
        .arg(&cfg)
        .assert()
        .success();
    let err =
        emu.aws_result(&["ecr", "describe-repositories", "--repository-names", "shop/web"]).unwrap_err();
    assert!(err.contains("RepositoryNotFoundException"), "{err}");
    assert!(emu.aws_result(&["ecr", "describe-repositories", "--repository-names", "shop/worker"]).is_err());
}

#[test]
fn repository_commands_and_login() {
    let emu = Emulator::start();
    let out = emu
        .eksup()
        .args(["create", "repository", "team/app", "--keep-last-images", "5", "--tags", "team=app"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "123456789012.dkr.ecr.us-west-2.amazonaws.com/team/app"
    );
    assert_eq!(describe(&emu, "team/app")["imageTagMutability"], "IMMUTABLE");

    emu.aws(&[
        "ecr",
        "put-image",
        "--repository-name",
        "team/app",
        "--image-tag",
        "v1",
        "--image-manifest",
        "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.docker.distribution.manifest.v2+json\"}",
    ]);
    let out = emu.eksup().args(["get", "repository", "team/app", "-o", "json"]).output().unwrap();
    let info: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(info["imageCount"], 1);
    assert_eq!(info["uri"], "123456789012.dkr.ecr.us-west-2.amazonaws.com/team/app");
    assert_eq!(info["lifecyclePolicy"], true);
    let table = emu.eksup().args(["get", "repository"]).output().unwrap();
    let table = String::from_utf8_lossy(&table.stdout);
    assert!(table.starts_with("NAME") && table.contains("team/app"), "{table}");
    let yaml = emu.eksup().args(["get", "repository", "-o", "yaml"]).output().unwrap();
    assert!(String::from_utf8_lossy(&yaml.stdout).contains("name: team/app"));

    // non-empty: refused without --force, and nothing deleted
    let out = emu.eksup().args(["delete", "repository", "team/app", "--yes"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("add `--force`"));
    assert!(emu.aws_result(&["ecr", "describe-repositories", "--repository-names", "team/app"]).is_ok());
    // no terminal, no --yes: refused
    emu.eksup().args(["delete", "repository", "team/app", "--force"]).assert().code(2);
    emu.eksup().args(["delete", "repository", "team/app", "--force", "--yes"]).assert().success();
    assert!(emu.aws_result(&["ecr", "describe-repositories", "--repository-names", "team/app"]).is_err());

    // login: Docker's config.json gets the registry's auth, other keys stay
    let docker = emu.home().join("docker");
    std::fs::create_dir_all(&docker).unwrap();
    std::fs::write(
        docker.join("config.json"),
        "{\"experimental\": \"enabled\", \"auths\": {\"ghcr.io\": {\"auth\": \"eDp5\"}}}",
    )
    .unwrap();
    emu.eksup().args(["ecr", "login"]).env("DOCKER_CONFIG", &docker).assert().success();
    let cfg: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(docker.join("config.json")).unwrap()).unwrap();
    assert_eq!(cfg["experimental"], "enabled");
    assert_eq!(cfg["auths"]["ghcr.io"]["auth"], "eDp5");
    let auth = cfg["auths"]["123456789012.dkr.ecr.us-west-2.amazonaws.com"]["auth"].as_str().unwrap();
    use base64::Engine as _;
    let decoded = String::from_utf8(base64::engine::general_purpose::STANDARD.decode(auth).unwrap()).unwrap();
    assert!(decoded.starts_with("AWS:"), "{decoded}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        assert_eq!(
            std::fs::metadata(docker.join("config.json")).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
    let out = emu.eksup().args(["ecr", "login", "--password-stdin"]).output().unwrap();
    assert_eq!(
        format!("AWS:{}", String::from_utf8_lossy(&out.stdout)),
        decoded,
        "stdout is exactly the password"
    );
}

#[test]
fn bad_repository_settings_are_refused_clearly() {
    let emu = Emulator::start();
    let bad = CONFIG.replace("name: shop/web", "name: Shop_Web").replace("\"111122223333\"", "\"12345\"");
    let cfg = write_config(&emu, &bad);
    let out = emu.eksup().args(["create", "cluster", "--dry-run", "-f"]).arg(&cfg).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("ecr.repositories[0].name: `Shop_Web` is not a valid repository name"),
        "{stderr}"
    );
    assert!(
        stderr.contains("ecr.repositories[0].pullAccounts[0]: `12345` is not a 12-digit AWS account id"),
        "{stderr}"
    );
    let raw =
        CONFIG.replace("keepLastImages: 10\n        expireUntaggedAfterDays: 3", "raw: '{\"rules\": []}'");
    let cfg = write_config(&emu, &raw);
    let out = emu.eksup().args(["create", "cluster", "--dry-run", "-f"]).arg(&cfg).output().unwrap();
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("lifecyclePolicy.raw: must be a JSON lifecycle policy"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    emu.eksup()
        .args(["create", "repository", "ok/name", "--image-tag-mutability", "SOMETIMES"])
        .assert()
        .code(2);
    assert!(emu.aws_result(&["ecr", "describe-repositories", "--repository-names", "ok/name"]).is_err());
}
