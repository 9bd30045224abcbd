//! Values that look right and are not: each gets one clear error in eksup's style, before
//! anything is planned or sent, and no error prints the SDK's debug structures.

use crate::support::offline::eksup;

/// Runs `eksup` with `args` (and `env`) and returns (exit code, stderr).
fn run(args: &[&str], env: &[(&str, &str)]) -> (Option<i32>, String) {
    let mut c = eksup();
    c.args(args);
    for (k, v) in env {
        c.env(k, v);
    }
    let out = c.output().expect("eksup runs");
    (out.status.code(), String::from_utf8_lossy(&out.stderr).into_owned())
}

/// Debug output of Rust values: what the SDK's errors look like when formatted with `{:?}`.
fn assert_no_debug_structures(stderr: &str) {
    for pattern in [
        "ServiceError {",
        "ServiceError(",
        "raw: Response",
        "DispatchFailure",
        "Some(",
        "{ source:",
        "ErrorMetadata",
    ] {
        assert!(!stderr.contains(pattern), "a Rust debug structure (`{pattern}`) in:\n{stderr}");
    }
}

#[test]
fn regions_that_do_not_exist_are_refused_with_the_closest_one() {
    for region in ["not-a-region", "us-west-99"] {
        let (code, stderr) =
            run(&["--region", region, "create", "cluster", "--name", "demo", "--dry-run"], &[]);
        assert_eq!(code, Some(2), "{stderr}");
        assert!(stderr.contains(&format!("`{region}` is not an AWS region")), "{stderr}");
        assert!(stderr.contains("hint: "), "{stderr}");
    }
    let (_, stderr) = run(&["--region", "us-west-99", "get", "cluster"], &[]);
    assert!(stderr.contains("did you mean `us-west-1`?"), "{stderr}");

    // From the environment, and from the config (with its line).
    let (code, stderr) =
        run(&["create", "cluster", "--name", "demo", "--dry-run"], &[("AWS_REGION", "us-west-99")]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("metadata.region: `us-west-99` is not an AWS region"), "{stderr}");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("c.yaml");
    std::fs::write(
        &file,
        "apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata:\n  name: demo\n  region: eu-west-9\n",
    )
    .unwrap();
    let (code, stderr) = run(&["create", "cluster", "--dry-run", "-f", file.to_str().unwrap()], &[]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("c.yaml:5:") && stderr.contains("`eu-west-9` is not an AWS region"), "{stderr}");
    // get-token, whose region comes from the environment.
    let (code, stderr) = run(
        &["get-token", "--cluster-name", "demo"],
        &[("AWS_REGION", "us-west-99"), ("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE"), ("AWS_SECRET_ACCESS_KEY", "x")],
    );
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("`us-west-99` is not an AWS region"), "{stderr}");
}

#[test]
fn zones_of_another_region_are_refused_where_they_are_written() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("c.yaml");
    std::fs::write(
        &file,
        "apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata:\n  name: demo\n  region: us-west-2\navailabilityZones: [us-west-2a, us-east-1b]\nmanagedNodeGroups:\n  - name: ng\n    availabilityZones: [eu-west-1a]\n",
    )
    .unwrap();
    let (code, stderr) = run(&["create", "cluster", "--dry-run", "-f", file.to_str().unwrap()], &[]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr.contains("c.yaml:6:")
            && stderr.contains("availabilityZones[1]: `us-east-1b` is not a zone of `us-west-2`"),
        "{stderr}"
    );
    assert!(
        stderr
            .contains("managedNodeGroups[0].availabilityZones[0]: `eu-west-1a` is not a zone of `us-west-2`"),
        "{stderr}"
    );
    let (code, stderr) = run(
        &[
            "create",
            "cluster",
            "--name",
            "demo",
            "--region",
            "us-west-2",
            "--zones",
            "us-east-1a,us-east-1b",
            "--dry-run",
        ],
        &[],
    );
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("`us-east-1a` is not a zone of `us-west-2`"), "{stderr}");
}

#[test]
fn empty_and_malformed_flag_values_are_refused() {
    let cases: &[(&[&str], &str)] = &[
        (&["get-token", "--cluster-name", ""], "the value is empty"),
        (&["create", "cluster", "--name", "demo", "--tags", "=v", "--dry-run"], "`=v` has no key"),
        (
            &["create", "cluster", "--name", "demo", "--tags", "team", "--dry-run"],
            "`team` is not `key=value`",
        ),
        (&["create", "cluster", "--name", "demo", "--instance-types", "", "--dry-run"], "the value is empty"),
    ];
    for (args, message) in cases {
        let (code, stderr) = run(args, &[("AWS_REGION", "us-west-2")]);
        assert_eq!(code, Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(message), "{args:?}: {stderr}");
    }
}

#[test]
fn a_profile_that_does_not_exist_is_refused_as_the_aws_cli_refuses_it() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config");
    std::fs::write(&config, "[profile real]\nregion = us-west-2\n").unwrap();
    let config = config.to_str().unwrap();
    for (args, env) in [
        (
            vec!["get", "cluster", "--region", "us-west-2", "--profile", "nope"],
            vec![("AWS_CONFIG_FILE", config)],
        ),
        (
            vec!["get", "cluster", "--region", "us-west-2"],
            vec![("AWS_CONFIG_FILE", config), ("AWS_PROFILE", "nope")],
        ),
    ] {
        let (code, stderr) = run(&args, &env);
        assert_eq!(code, Some(1), "{stderr}");
        assert!(stderr.contains("the AWS profile `nope` does not exist"), "{stderr}");
        assert!(stderr.contains("hint: "), "{stderr}");
    }
}

/// AWS out of reach: the error says what failed, by each cause's message, without the SDK's
/// `Debug` dump that `DisplayErrorContext` appends.
#[test]
fn no_error_prints_a_rust_debug_structure() {
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap();
    let endpoint = format!("http://{closed}");
    let env = [
        ("AWS_ENDPOINT_URL", endpoint.as_str()),
        ("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE"),
        ("AWS_SECRET_ACCESS_KEY", "x"),
        ("AWS_MAX_ATTEMPTS", "1"),
    ];
    for (args, code) in [
        (&["get", "cluster", "--region", "us-west-2"][..], 1),
        // A dry-run assumes zones when AWS cannot be asked, and says why.
        (&["create", "cluster", "--name", "demo", "--region", "us-west-2", "--dry-run"][..], 0),
        (
            &[
                "get-token",
                "--cluster-name",
                "demo",
                "--region",
                "us-west-2",
                "--role-arn",
                "arn:aws:iam::123456789012:role/x",
            ][..],
            1,
        ),
        (&["delete", "cluster", "--name", "demo", "--region", "us-west-2", "--yes"][..], 1),
    ] {
        let (got, stderr) = run(args, &env);
        assert_eq!(got, Some(code), "{args:?}: {stderr}");
        assert!(
            stderr.contains("error") || stderr.contains("warning"),
            "{args:?} says what happened: {stderr}"
        );
        assert_no_debug_structures(&stderr);
    }
}
