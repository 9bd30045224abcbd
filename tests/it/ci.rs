//! The CI/CD recipes of `examples/ci/`: each pipeline file is valid YAML with the structure its
//! CI system needs (OIDC to AWS, no stored keys), linted by actionlint when it is installed, and
//! its `eksup ...` command lines run as written against the emulator: the cluster with its
//! least-privilege access entry for the pipeline's role, twice (idempotent), then `ecr login`.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::support::Emulator;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The file as YAML 1.2 (`on:` is a key, not `true`).
fn load(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap();
    serde_saphyr::from_str_with_options(&text, serde_saphyr::options! { strict_booleans: true })
        .unwrap_or_else(|e| panic!("{}: not YAML: {e}", path.display()))
}

/// The shell lines of a pipeline's scripts.
fn lines(scripts: &[&Value]) -> Vec<String> {
    scripts
        .iter()
        .flat_map(|s| match s {
            Value::String(text) => vec![text.clone()],
            Value::Array(items) => items.iter().filter_map(Value::as_str).map(str::to_string).collect(),
            _ => Vec::new(),
        })
        .flat_map(|text| text.lines().map(|l| l.trim().to_string()).collect::<Vec<_>>())
        .collect()
}

/// The `eksup ...` command lines, as argument lists (up to a redirection or a pipe).
fn eksup_commands(lines: &[String]) -> Vec<Vec<String>> {
    lines
        .iter()
        .filter(|l| l.starts_with("eksup "))
        .map(|l| {
            l.split_whitespace()
                .skip(1)
                .take_while(|w| !matches!(*w, ">" | "|" | "&&" | ">>" | "2>&1"))
                .map(str::to_string)
                .collect()
        })
        .collect()
}

fn github_workflow() -> (Value, Vec<String>) {
    let wf = load(&root().join("examples/ci/github-actions.yml"));
    assert!(wf["on"]["push"].is_object(), "triggered on push: {wf}");
    assert_eq!(wf["permissions"]["id-token"], "write", "the OIDC token needs `id-token: write`");
    let jobs = wf["jobs"].as_object().expect("jobs");
    let mut scripts = Vec::new();
    let mut oidc = false;
    for (name, job) in jobs {
        assert!(job["runs-on"].is_string(), "job `{name}` has runs-on");
        for step in job["steps"].as_array().expect("steps") {
            let uses = step["uses"].as_str();
            assert!(uses.is_some() != step["run"].is_string(), "a step has `uses` or `run`: {step}");
            if let Some(u) = uses {
                let (action, version) = u.split_once('@').expect("actions are pinned to a version");
                assert!(action.contains('/') && !version.is_empty(), "{u}");
                if action == "aws-actions/configure-aws-credentials" {
                    let role = step["with"]["role-to-assume"].as_str().expect("role-to-assume");
                    assert!(role.starts_with("arn:aws:iam::") && role.contains(":role/"), "{role}");
                    assert!(step["with"]["aws-region"].is_string());
                    assert!(step["with"].get("aws-access-key-id").is_none(), "no stored keys");
                    oidc = true;
                }
            }
            if let Some(run) = step.get("run") {
                scripts.push(run.clone());
            }
        }
    }
    assert!(oidc, "the workflow authenticates with aws-actions/configure-aws-credentials");
    let lines = lines(&scripts.iter().collect::<Vec<_>>());
    (wf, lines)
}

fn gitlab_job() -> (Value, Vec<String>) {
    let ci = load(&root().join("examples/ci/gitlab-ci.yml"));
    let job = &ci["deploy"];
    let stages: Vec<&str> = ci["stages"].as_array().unwrap().iter().filter_map(Value::as_str).collect();
    assert!(stages.contains(&job["stage"].as_str().unwrap()), "the job's stage is declared");
    assert_eq!(job["id_tokens"]["AWS_ID_TOKEN"]["aud"], "sts.amazonaws.com", "an ID token for STS");
    let lines = lines(&[&job["before_script"], &job["script"]]);
    let all = lines.join("\n");
    assert!(all.contains("aws sts assume-role-with-web-identity"), "{all}");
    assert!(all.contains("--web-identity-token \"$AWS_ID_TOKEN\""), "{all}");
    assert!(
        job["variables"].get("AWS_ACCESS_KEY_ID").is_none()
            && ci["variables"].get("AWS_SECRET_ACCESS_KEY").is_none()
    );
    (ci, lines)
}

#[test]
fn pipelines_have_the_structure_their_ci_needs() {
    for (what, lines) in [("github", github_workflow().1), ("gitlab", gitlab_job().1)] {
        let all = lines.join("\n");
        for needed in [
            "eksup create cluster -f examples/ci/cluster.yaml -o json",
            "eksup ecr login",
            "docker push",
            "kubectl -n web",
        ] {
            assert!(all.contains(needed), "{what}: no `{needed}`:\n{all}");
        }
        let commands = eksup_commands(&lines);
        assert_eq!(commands.len(), 2, "{what}: {commands:?}");
    }
    // actionlint is GitHub's workflow linter; it is not in this project's registries, so it runs
    // only where someone installed it
    let actionlint = std::process::Command::new("actionlint").arg("-version").output();
    if actionlint.is_ok_and(|o| o.status.success()) {
        let out = std::process::Command::new("actionlint")
            .arg(root().join("examples/ci/github-actions.yml"))
            .output()
            .unwrap();
        assert!(out.status.success(), "actionlint:\n{}", String::from_utf8_lossy(&out.stdout));
    } else {
        eprintln!("actionlint is not installed: structural checks only");
    }
}

/// Runs a pipeline's `eksup` lines as written, from the repository root, against `emu`.
fn run_pipeline(emu: &Emulator, what: &str, commands: &[Vec<String>]) {
    for round in ["first run", "second run"] {
        for args in commands {
            // a hang (a node that never turns Ready) fails the test instead of blocking it
            let out = emu
                .eksup()
                .current_dir(root())
                .args(args)
                .timeout(std::time::Duration::from_secs(600))
                .output()
                .unwrap();
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(out.status.success(), "{what} {round}: `eksup {}` failed:\n{stderr}", args.join(" "));
            if args.starts_with(&["create".to_string(), "cluster".to_string()]) {
                let stdout = String::from_utf8_lossy(&out.stdout);
                let summary: Value = serde_json::from_str(stdout.lines().last().unwrap()).unwrap();
                assert_eq!(summary["event"], "summary");
                assert_eq!(summary["result"], "created", "{summary}");
                if round == "second run" {
                    assert!(summary["counts"].get("created").is_none(), "idempotent: {summary}");
                }
            }
        }
    }
}

fn assert_least_privilege(emu: &Emulator) {
    let principal = "arn:aws:iam::123456789012:role/ci-deploy";
    let p = emu.aws(&[
        "eks",
        "list-associated-access-policies",
        "--cluster-name",
        "ci-demo",
        "--principal-arn",
        principal,
    ]);
    let policies = p["associatedAccessPolicies"].as_array().unwrap();
    assert_eq!(policies.len(), 1, "{p}");
    assert_eq!(policies[0]["policyArn"], "arn:aws:eks::aws:cluster-access-policy/AmazonEKSEditPolicy");
    assert_eq!(policies[0]["accessScope"]["type"], "namespace", "{p}");
    assert_eq!(policies[0]["accessScope"]["namespaces"], serde_json::json!(["web"]), "{p}");
    let docker = std::fs::read_to_string(emu.home().join(".docker/config.json")).expect("ecr login wrote it");
    assert!(docker.contains(".dkr.ecr.us-west-2.amazonaws.com"), "{docker}");
    let repo = emu.aws(&["ecr", "describe-repositories", "--repository-names", "ci-demo/web"]);
    assert_eq!(repo["repositories"][0]["imageTagMutability"], "IMMUTABLE");
}

fn pipeline_emulator() -> Emulator {
    let emu = Emulator::builder().region("us-west-2").start();
    emu.aws(&["ec2", "describe-availability-zones"]);
    // the pipeline's role exists before the cluster names it (EKS checks the principal)
    emu.aws(&[
        "iam",
        "create-role",
        "--role-name",
        "ci-deploy",
        "--assume-role-policy-document",
        r#"{"Version":"2012-10-17","Statement":[]}"#,
    ]);
    emu
}

#[test]
fn github_workflow_eksup_commands_run_on_the_emulator() {
    let emu = pipeline_emulator();
    run_pipeline(&emu, "github", &eksup_commands(&github_workflow().1));
    assert_least_privilege(&emu);
}

#[test]
fn gitlab_job_eksup_commands_run_on_the_emulator() {
    let emu = pipeline_emulator();
    run_pipeline(&emu, "gitlab", &eksup_commands(&gitlab_job().1));
    assert_least_privilege(&emu);
}
