//! End-to-end tests of the provisioning engine: the real `eksup` binary creates, re-creates,
//! resumes and deletes the clusters of `examples/` against the emulator, and every resource is
//! read back with awscli (issues #3 and #6).
//!
//! Each test owns its emulator (tests run in parallel); no emulated delays are used, so a
//! create takes about a second.

mod check;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::support::inventory::{str_of, tags_of};
use crate::support::{Emulator, Inventory, Run};

/// An emulator for `region` whose EC2 backend is loaded: moto imports EC2 lazily (~2 s, more
/// with parallel tests on two cores), and eksup's zone lookup gives up after 5 s.
fn start_in(region: &str) -> Emulator {
    let emu = Emulator::builder().region(region).start();
    emu.aws(&["ec2", "describe-availability-zones"]);
    emu
}

fn start() -> Emulator {
    start_in("us-west-2")
}

/// `examples/<name>.yaml`.
fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples").join(format!("{name}.yaml"))
}

/// `eksup create cluster -f FILE -o json` (no kubeconfig flags: the harness's KUBECONFIG).
fn create(emu: &Emulator, file: &Path) -> Run {
    Run::of(emu.eksup().args(["create", "cluster", "-f"]).arg(file).args(["-o", "json"]))
}

/// `eksup delete cluster -f FILE --yes` plus extra flags.
fn delete(emu: &Emulator, file: &Path, extra: &[&str]) -> Run {
    Run::of(emu.eksup().args(["delete", "cluster", "-f"]).arg(file).arg("--yes").args(extra))
}

/// `stepFinished` actions by step id.
fn actions(run: &Run) -> BTreeMap<String, String> {
    run.events()
        .iter()
        .filter(|e| e["event"] == "stepFinished")
        .map(|e| (str_of(&e["step"]), str_of(&e["action"])))
        .collect()
}

/// The step ids of the plan (`--dry-run -o json`), to compare with what a run reported.
fn plan_steps(emu: &Emulator, file: &Path) -> Vec<String> {
    let run = Run::of(emu.eksup().args(["create", "cluster", "--dry-run", "-o", "json", "-f"]).arg(file))
        .expect(0, "dry-run");
    let doc: Value = serde_json::from_str(&run.stdout).expect("dry-run -o json prints one JSON document");
    doc["plan"]["steps"].as_array().expect("plan.steps").iter().map(|s| str_of(&s["id"])).collect()
}

/// Creates the example in a fresh emulator and checks the run reported every planned step as
/// created. Returns the emulator, the config path and the run.
fn create_example(emu: &Emulator, file: &Path) -> Run {
    let run = create(emu, file).expect(0, "create cluster");
    let summary = run.summary();
    assert_eq!(summary["result"], "created", "{summary}");
    let done = actions(&run);
    let planned = plan_steps(emu, file);
    for step in &planned {
        // Importing the user's VPC creates nothing.
        let want = if step == "existing-vpc" { "existed" } else { "created" };
        assert_eq!(done.get(step).map(String::as_str), Some(want), "step `{step}` of a fresh create");
    }
    assert_eq!(done.len(), planned.len(), "finished steps vs plan: {done:?}");
    run
}

/// The re-run of a create: exit 0, every step found again, nothing new.
fn assert_rerun_finds_everything(emu: &Emulator, file: &Path, cluster: &str) {
    let before = Inventory::owned(emu, cluster);
    let run = create(emu, file).expect(0, "second create");
    assert_eq!(run.summary()["result"], "created");
    let done = actions(&run);
    let planned = plan_steps(emu, file);
    assert_eq!(done.len(), planned.len(), "every step finishes on a re-run: {done:?}");
    let not_existed: Vec<_> = done
        .iter()
        // The kubeconfig step is local: it rewrites the context (see the report).
        .filter(|(step, action)| action.as_str() != "existed" && step.as_str() != "kubeconfig")
        .collect();
    assert!(not_existed.is_empty(), "a re-run changed AWS resources: {not_existed:?}");
    let after = Inventory::owned(emu, cluster);
    after.assert_same(&before, "after a second create");
}

/// Deletes the cluster, checks nothing of it is left, and that a second delete is a no-op.
fn assert_delete_leaves_nothing(emu: &Emulator, file: &Path, cluster: &str, extra: &[&str]) {
    let run = delete(emu, file, extra).expect(0, "delete cluster");
    assert!(run.stderr.contains("nothing left"), "delete summary:\n{}", run.stderr);
    let left = Inventory::sole(emu, cluster);
    let keeps_repos = !extra.contains(&"--delete-repositories");
    left.assert_empty(keeps_repos);
    let again = delete(emu, file, extra).expect(0, "second delete cluster");
    assert!(again.stderr.contains("nothing to delete"), "second delete:\n{}", again.stderr);
}

/// `kubectl config get-contexts -o name` with the harness's kubeconfig.
fn kubectl_contexts(emu: &Emulator) -> Vec<String> {
    let out = crate::support::hermetic_program("/usr/bin/kubectl", emu.home())
        .args(["config", "get-contexts", "-o", "name"])
        .env("KUBECONFIG", emu.home().join("kubeconfig"))
        .output()
        .expect("cannot run /usr/bin/kubectl");
    assert!(out.status.success(), "kubectl failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).lines().map(str::to_string).collect()
}

#[track_caller]
fn assert_kubeconfig(emu: &Emulator, cluster: &str, region: &str) {
    let context = format!("moto@{cluster}.{region}.eksup.io");
    let text = std::fs::read_to_string(emu.home().join("kubeconfig")).expect("the kubeconfig was written");
    assert!(text.contains(&format!("current-context: {context}")), "kubeconfig:\n{text}");
    assert!(kubectl_contexts(emu).contains(&context), "kubectl does not list `{context}`");
}

/// kubectl, through the kubeconfig eksup wrote (its user runs `eksup get-token`), lists `want`
/// nodes labelled `label=nodegroup`, all Ready: the create ended only once they were.
#[track_caller]
fn assert_nodes_ready(emu: &Emulator, label: &str, nodegroup: &str, want: usize) {
    let nodes: Vec<_> = emu
        .nodes()
        .into_iter()
        .filter(|(_, _, l)| l.get(label).map(String::as_str) == Some(nodegroup))
        .collect();
    assert_eq!(nodes.len(), want, "nodes of `{nodegroup}`: {nodes:?}");
    assert!(nodes.iter().all(|(_, ready, _)| *ready), "nodes of `{nodegroup}` not all Ready: {nodes:?}");
}

/// What Kubernetes leaves in the VPC of a cluster in use: load balancers of `type: LoadBalancer`
/// Services (by the AWS Load Balancer Controller and the in-tree cloud provider, with their
/// security groups and a rule on the cluster security group) and network interfaces the VPC CNI
/// left behind. Subnets, the internet gateway and the VPC cannot be deleted while they exist.
fn add_kubernetes_leftovers(emu: &Emulator, cluster: &str) {
    for (service, kind) in [("default/web", "nlb"), ("default/legacy", "classic"), ("apps/site", "alb")] {
        let lb = emu.control_json(
            "/eksup-test/kubernetes/load-balancer",
            &serde_json::json!({"cluster": cluster, "service": service, "kind": kind, "region": emu.region()}),
        );
        assert!(lb["securityGroupId"].is_string(), "load balancer stand-in: {lb}");
    }
    let enis = emu.control_json(
        "/eksup-test/kubernetes/leftover-enis",
        &serde_json::json!({"cluster": cluster, "count": 2, "region": emu.region()}),
    );
    assert_eq!(enis["networkInterfaceIds"].as_array().map(Vec::len), Some(2), "{enis}");
}

/// No load balancer is left, of either API.
#[track_caller]
fn assert_no_load_balancers(emu: &Emulator) {
    let v2 = emu.aws(&["elbv2", "describe-load-balancers"]);
    assert_eq!(v2["LoadBalancers"], serde_json::json!([]), "ELBv2 load balancers left: {v2}");
    let classic = emu.aws(&["elb", "describe-load-balancers"]);
    assert_eq!(classic["LoadBalancerDescriptions"], serde_json::json!([]), "classic ELBs left: {classic}");
}

// ---------------------------------------------------------------------------------------
// 1-3. Every example: create, check, re-create, delete.
// ---------------------------------------------------------------------------------------

#[test]
fn managed_example_lifecycle() {
    let emu = start();
    let file = example("managed");
    create_example(&emu, &file);
    let net =
        check::network(&emu, "demo", &check::NetSpec::three_zones("192.168.0.0/16", "us-west-2", false));
    check::control_plane(&emu, "demo", &check::CpSpec::default(), &net.all_subnets());
    check::cluster_role(&emu, "demo");
    check::managed_nodegroup(
        &emu,
        "demo",
        &check::NgSpec {
            name: "ng-1",
            sizes: (2, 2, 2),
            instance_types: &["m5.large"],
            capacity: "ON_DEMAND",
            subnets: net.public.clone(),
        },
    );
    let user_tags = tags_of(&emu.aws(&["ec2", "describe-vpcs", "--vpc-ids", &net.vpc])["Vpcs"][0]);
    assert_eq!(user_tags.get("team").map(String::as_str), Some("platform"), "metadata.tags on the VPC");
    assert_kubeconfig(&emu, "demo", "us-west-2");
    assert_nodes_ready(&emu, "eks.amazonaws.com/nodegroup", "ng-1", 2);
    check::addons(&emu, "demo", &["coredns", "kube-proxy", "metrics-server", "vpc-cni"]);
    assert_rerun_finds_everything(&emu, &file, "demo");
    add_kubernetes_leftovers(&emu, "demo");
    assert_delete_leaves_nothing(&emu, &file, "demo", &[]);
    assert_no_load_balancers(&emu);
    let text = std::fs::read_to_string(emu.home().join("kubeconfig")).unwrap_or_default();
    assert!(!text.contains("demo.us-west-2"), "delete removes the kubeconfig entries:\n{text}");
    assert!(kubectl_contexts(&emu).is_empty());
}

#[test]
fn self_managed_example_create_and_rerun() {
    let emu = start();
    let file = example("self-managed");
    create_example(&emu, &file);
    let cluster = "self-managed";
    let net =
        check::network(&emu, cluster, &check::NetSpec::three_zones("192.168.0.0/16", "us-west-2", false));
    check::control_plane(&emu, cluster, &check::CpSpec::default(), &net.all_subnets());
    check::self_managed_nodegroup(&emu, cluster, "workers", (1, 2, 4), 100, &net.public, &net.vpc);
    assert_kubeconfig(&emu, cluster, "us-west-2");
    assert_nodes_ready(&emu, "alpha.eksctl.io/nodegroup-name", "workers", 2);
    assert_rerun_finds_everything(&emu, &file, cluster);
}

/// The instance profile of a self-managed group stops the delete (see the report).
#[test]

fn self_managed_example_delete_leaves_nothing() {
    let emu = start();
    let file = example("self-managed");
    create(&emu, &file).expect(0, "create");
    add_kubernetes_leftovers(&emu, "self-managed");
    assert_delete_leaves_nothing(&emu, &file, "self-managed", &[]);
    assert_no_load_balancers(&emu);
}

#[test]
fn fargate_example_lifecycle() {
    let emu = start();
    let file = example("fargate");
    create_example(&emu, &file);
    let cluster = "serverless";
    let net =
        check::network(&emu, cluster, &check::NetSpec::three_zones("192.168.0.0/16", "us-west-2", false));
    check::control_plane(&emu, cluster, &check::CpSpec::default(), &net.all_subnets());
    check::fargate_profile(
        &emu,
        cluster,
        "fp-default",
        &[("default", &[]), ("kube-system", &[])],
        &net.private,
    );
    check::fargate_profile(&emu, cluster, "fp-apps", &[("apps", &[("tier", "web")])], &net.private);
    let ngs = emu.aws(&["eks", "list-nodegroups", "--cluster-name", cluster]);
    assert_eq!(ngs["nodegroups"], serde_json::json!([]), "a Fargate-only cluster has no node group");
    assert_rerun_finds_everything(&emu, &file, cluster);
    assert_delete_leaves_nothing(&emu, &file, cluster, &[]);
}

#[test]
fn private_ha_example_lifecycle() {
    let emu = start_in("eu-west-1");
    let file = example("private-ha");
    create_example(&emu, &file);
    let cluster = "prod";
    let net = check::network(&emu, cluster, &check::NetSpec::three_zones("10.20.0.0/16", "eu-west-1", true));
    check::control_plane(
        &emu,
        cluster,
        &check::CpSpec {
            public_access_cidrs: &["203.0.113.0/24"],
            private_access: true,
            log_types: &["api", "audit", "authenticator"],
        },
        &net.all_subnets(),
    );
    check::managed_nodegroup(
        &emu,
        cluster,
        &check::NgSpec {
            name: "private-ng",
            sizes: (2, 2, 6),
            instance_types: &["m5.large", "m5a.large"],
            capacity: "SPOT",
            subnets: net.private.clone(),
        },
    );
    assert_kubeconfig(&emu, cluster, "eu-west-1");
    assert_nodes_ready(&emu, "eks.amazonaws.com/nodegroup", "private-ng", 2);
    assert_rerun_finds_everything(&emu, &file, cluster);
    add_kubernetes_leftovers(&emu, cluster);
    assert_delete_leaves_nothing(&emu, &file, cluster, &[]);
    assert_no_load_balancers(&emu);
}

#[test]
fn mixed_example_create_and_rerun() {
    let emu = start();
    emu.create_platform_admins_role();
    let file = example("mixed");
    create_example(&emu, &file);
    let cluster = "mixed";
    let net =
        check::network(&emu, cluster, &check::NetSpec::three_zones("192.168.0.0/16", "us-west-2", false));
    check::control_plane(&emu, cluster, &check::CpSpec::default(), &net.all_subnets());
    check::managed_nodegroup(
        &emu,
        cluster,
        &check::NgSpec {
            name: "managed",
            sizes: (2, 2, 2),
            instance_types: &["m5.large"],
            capacity: "ON_DEMAND",
            subnets: net.public.clone(),
        },
    );
    check::self_managed_nodegroup(&emu, cluster, "self-managed", (1, 1, 1), 80, &net.public, &net.vpc);
    check::fargate_profile(&emu, cluster, "batch", &[("batch", &[])], &net.private);
    check::oidc_provider(&emu, cluster);
    check::addons(&emu, cluster, &["coredns", "kube-proxy", "metrics-server", "vpc-cni"]);
    assert_nodes_ready(&emu, "eks.amazonaws.com/nodegroup", "managed", 2);
    assert_nodes_ready(&emu, "alpha.eksctl.io/nodegroup-name", "self-managed", 1);
    check::admin_access_entry(&emu, cluster, "arn:aws:iam::123456789012:role/platform-admins");
    check::ecr_repository(&emu, cluster, "mixed/app");
    assert_rerun_finds_everything(&emu, &file, cluster);
}

#[test]

fn mixed_example_delete_keeps_then_removes_repositories() {
    let emu = start();
    emu.create_platform_admins_role();
    let file = example("mixed");
    let cluster = "mixed";
    create(&emu, &file).expect(0, "create");
    add_kubernetes_leftovers(&emu, cluster);
    // ECR repositories are kept by default...
    assert_delete_leaves_nothing(&emu, &file, cluster, &[]);
    assert_no_load_balancers(&emu);
    let repos = emu.aws(&["ecr", "describe-repositories"]);
    assert_eq!(repos["repositories"].as_array().map(Vec::len), Some(1), "the repository is kept: {repos}");
    // ... and removed with --delete-repositories.
    delete(&emu, &file, &["--delete-repositories"]).expect(0, "delete --delete-repositories");
    let repos = emu.aws(&["ecr", "describe-repositories"]);
    assert_eq!(repos["repositories"], serde_json::json!([]), "--delete-repositories removes it");
}

/// A VPC and two private subnets made by the user (awscli), with a way out through a NAT
/// gateway in a public subnet of its own, and a copy of `examples/existing-vpc.yaml` that names
/// the private ones.
fn user_network(emu: &Emulator) -> (String, Vec<String>, PathBuf) {
    let vpc = str_of(&emu.aws(&["ec2", "create-vpc", "--cidr-block", "10.0.0.0/16"])["Vpc"]["VpcId"]);
    let subnets: Vec<String> = [("10.0.1.0/24", "us-west-2a"), ("10.0.2.0/24", "us-west-2b")]
        .iter()
        .map(|(cidr, az)| {
            let s = emu.aws(&[
                "ec2",
                "create-subnet",
                "--vpc-id",
                &vpc,
                "--cidr-block",
                cidr,
                "--availability-zone",
                az,
            ]);
            str_of(&s["Subnet"]["SubnetId"])
        })
        .collect();
    emu.nat_egress(&vpc, "10.0.255.0/24", "us-west-2a");
    let text = std::fs::read_to_string(example("existing-vpc")).expect("examples/existing-vpc.yaml");
    let text = text
        .replace("vpc-0123456789abcdef0", &vpc)
        .replace("subnet-0aaaaaaaaaaaaaaa1", &subnets[0])
        .replace("subnet-0bbbbbbbbbbbbbbb2", &subnets[1]);
    let file = emu.home().join("existing-vpc.yaml");
    std::fs::write(&file, text).expect("cannot write the config");
    (vpc, subnets, file)
}

#[test]
fn existing_vpc_example_lifecycle() {
    let emu = start();
    let (vpc, subnets, file) = user_network(&emu);
    create_example(&emu, &file);
    let cluster = "byo-network";
    // Nothing of the network is created: no VPC, subnet, gateway or route table of the cluster.
    let owned = Inventory::owned(&emu, cluster);
    for kind in ["vpcs", "subnets", "internet gateways", "nat gateways", "elastic ips", "route tables"] {
        assert_eq!(owned.count(kind), 0, "{kind} created in a bring-your-own network: {owned:?}");
    }
    check::control_plane(&emu, cluster, &check::CpSpec::default(), &subnets);
    let sgs =
        emu.aws(&["ec2", "describe-security-groups", "--filters", &format!("Name=vpc-id,Values={vpc}")]);
    let owned_sgs: Vec<&Value> = sgs["SecurityGroups"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|g| tags_of(g).get("eksup.io/cluster").map(String::as_str) == Some(cluster))
        .collect();
    assert_eq!(owned_sgs.len(), 2, "control plane + shared node groups in the user's VPC: {sgs}");
    check::managed_nodegroup(
        &emu,
        cluster,
        &check::NgSpec {
            name: "ng-private",
            sizes: (2, 2, 2),
            instance_types: &["m5.large"],
            capacity: "ON_DEMAND",
            subnets: subnets.clone(),
        },
    );
    assert_nodes_ready(&emu, "eks.amazonaws.com/nodegroup", "ng-private", 2);
    assert_rerun_finds_everything(&emu, &file, cluster);
    assert_delete_leaves_nothing(&emu, &file, cluster, &[]);
    // 6. The user's network is untouched.
    let vpcs = emu.aws(&["ec2", "describe-vpcs", "--vpc-ids", &vpc]);
    assert_eq!(vpcs["Vpcs"].as_array().map(Vec::len), Some(1), "the user's VPC is kept");
    let mut args = vec!["ec2", "describe-subnets", "--subnet-ids"];
    args.extend(subnets.iter().map(String::as_str));
    let left = emu.aws(&args);
    assert_eq!(left["Subnets"].as_array().map(Vec::len), Some(2), "the user's subnets are kept");
}

// ---------------------------------------------------------------------------------------
// 4-5. Failures: resume, and delete of a half-created cluster.
// ---------------------------------------------------------------------------------------

/// The nodegroup fails once: exit 1, the error names the step and the AWS error, with both hints;
/// the JSON stream has `stepFailed`; a re-run completes and equals a clean create.
#[test]
fn create_resumes_after_a_failed_step() {
    let emu = start();
    let file = example("managed");
    emu.fail_next("eks:CreateNodegroup", 1);
    let failed = create(&emu, &file).expect(1, "create with a failing CreateNodegroup");
    let summary = failed.summary();
    assert_eq!(summary["result"], "failed", "{summary}");
    let events = failed.events();
    let step_failed: Vec<&Value> = events.iter().filter(|e| e["event"] == "stepFailed").collect();
    assert_eq!(step_failed.len(), 1, "one stepFailed event: {events:?}");
    assert_eq!(step_failed[0]["step"], "nodegroup-ng-1");
    assert_eq!(summary["failed"][0]["step"], "nodegroup-ng-1");
    for needle in [
        "nodegroup-ng-1",
        "InternalFailure",
        "CreateNodegroup",
        "run the same command again",
        "eksup delete cluster",
    ] {
        assert!(failed.stderr.contains(needle), "stderr lacks `{needle}`:\n{}", failed.stderr);
    }
    let partial = Inventory::owned(&emu, "demo");
    assert_eq!(partial.count("nodegroups"), 0, "{partial:?}");
    assert_eq!(partial.count("eks clusters"), 1, "{partial:?}");

    let rerun = create(&emu, &file).expect(0, "re-run after the failure");
    let done = actions(&rerun);
    assert_eq!(done.get("nodegroup-ng-1").map(String::as_str), Some("created"), "{done:?}");
    assert_eq!(done.get("vpc").map(String::as_str), Some("existed"), "{done:?}");
    let resumed = Inventory::owned(&emu, "demo");

    let clean = start();
    create(&clean, &file).expect(0, "clean create");
    resumed.assert_same_shape(&Inventory::owned(&clean, "demo"), "resumed vs clean create");
}

/// A failure early in the network (a route table) skips the dependents and reports them.
#[test]
fn failed_step_skips_its_dependents_and_delete_cleans_up() {
    let emu = start();
    let file = example("managed");
    emu.fail_next("ec2:CreateNatGateway", 1);
    let failed = create(&emu, &file).expect(1, "create with a failing CreateNatGateway");
    let events = failed.events();
    let failed_steps: Vec<String> =
        events.iter().filter(|e| e["event"] == "stepFailed").map(|e| str_of(&e["step"])).collect();
    assert_eq!(failed_steps, vec!["nat-gateway".to_string()], "{}", failed.stdout);
    let skipped: Vec<String> =
        events.iter().filter(|e| e["event"] == "stepSkipped").map(|e| str_of(&e["step"])).collect();
    for dependent in ["route-table-private-us-west-2a", "route-table-private-us-west-2c"] {
        assert!(skipped.contains(&dependent.to_string()), "`{dependent}` not skipped: {skipped:?}");
    }
    let summary = failed.summary();
    let summary_skipped: Vec<String> = summary["skipped"]
        .as_array()
        .expect("summary.skipped")
        .iter()
        .map(|s| s.get("step").map_or_else(|| str_of(s), str_of))
        .collect();
    for s in &skipped {
        assert!(summary_skipped.contains(s), "summary.skipped lacks `{s}`: {summary}");
    }
    assert!(failed.stderr.contains("nat-gateway"), "{}", failed.stderr);
    // 5. Deleting the half-created cluster leaves nothing; a second delete succeeds.
    assert_delete_leaves_nothing(&emu, &file, "demo", &[]);
}

/// A control plane that fails to create: the cluster does not exist, its network does.
#[test]
fn delete_after_a_failed_control_plane_leaves_nothing() {
    let emu = start();
    let file = example("managed");
    emu.fail_next("eks:CreateCluster", 1);
    let failed = create(&emu, &file).expect(1, "create with a failing CreateCluster");
    assert!(failed.stderr.contains("control-plane"), "{}", failed.stderr);
    let partial = Inventory::owned(&emu, "demo");
    assert_eq!(partial.count("eks clusters"), 0, "{partial:?}");
    assert_eq!(partial.count("vpcs"), 1, "{partial:?}");
    assert_delete_leaves_nothing(&emu, &file, "demo", &[]);
}

// ---------------------------------------------------------------------------------------
// 7. Delete needs --yes without a terminal.
// ---------------------------------------------------------------------------------------

#[test]
fn delete_without_yes_refuses_and_deletes_nothing() {
    let emu = start();
    let file = example("managed");
    create(&emu, &file).expect(0, "create");
    let before = Inventory::owned(&emu, "demo");
    emu.reset_calls();
    for args in
        [vec!["delete", "cluster", "--name", "demo"], vec!["delete", "cluster", "-f", file.to_str().unwrap()]]
    {
        let run = Run::of(emu.eksup().args(&args).write_stdin("y\n")).expect(2, "delete without --yes");
        assert!(run.stderr.contains("--yes"), "no hint to add --yes:\n{}", run.stderr);
    }
    let deletes: Vec<String> = emu.calls().into_keys().filter(|op| op.contains(":Delete")).collect();
    assert!(deletes.is_empty(), "delete calls without confirmation: {deletes:?}");
    Inventory::owned(&emu, "demo").assert_same(&before, "after a refused delete");
}

// ---------------------------------------------------------------------------------------
// 8. get / scale.
// ---------------------------------------------------------------------------------------

#[test]
fn get_and_scale_a_created_cluster() {
    let emu = start();
    let file = example("mixed");
    emu.create_platform_admins_role();
    create(&emu, &file).expect(0, "create");
    // A cluster eksup did not make, for the EKSUP CREATED column.
    let default_vpc = str_of(
        &emu.aws(&["ec2", "describe-vpcs", "--filters", "Name=is-default,Values=true"])["Vpcs"][0]["VpcId"],
    );
    let foreign = emu.aws(&[
        "ec2",
        "describe-subnets",
        "--filters",
        &format!("Name=vpc-id,Values={default_vpc}"),
    ])["Subnets"]
        .as_array()
        .unwrap()[..2]
        .iter()
        .map(|s| str_of(&s["SubnetId"]))
        .collect::<Vec<_>>();
    let foreign: Vec<&str> = foreign.iter().map(String::as_str).collect();
    emu.create_cluster_with_aws("other", &foreign, &["--kubernetes-version", "1.31"]);

    let table = Run::of(emu.eksup().args(["get", "cluster"])).expect(0, "get cluster").stdout;
    let row = |name: &str| -> Vec<String> {
        table
            .lines()
            .find(|l| l.split_whitespace().next() == Some(name))
            .unwrap_or_else(|| panic!("no row `{name}`:\n{table}"))
            .split_whitespace()
            .map(str::to_string)
            .collect()
    };
    assert!(table.lines().next().unwrap_or_default().contains("EKSUP CREATED"), "{table}");
    let mixed = row("mixed");
    assert_eq!((mixed[1].as_str(), mixed[2].as_str()), ("ACTIVE", "1.34"), "{table}");
    assert_eq!(mixed.last().map(String::as_str), Some("yes"), "{table}");
    assert_eq!(row("other").last().map(String::as_str), Some("no"), "{table}");

    let json = Run::of(emu.eksup().args(["get", "cluster", "mixed", "-o", "json"])).expect(0, "get -o json");
    let c: Value = serde_json::from_str(&json.stdout).expect("get cluster -o json is JSON");
    let endpoint = str_of(&emu.aws(&["eks", "describe-cluster", "--name", "mixed"])["cluster"]["endpoint"]);
    let text = c.to_string();
    for needle in ["\"mixed\"", "\"ACTIVE\"", "\"1.34\"", &format!("\"{endpoint}\"")] {
        assert!(text.contains(needle), "get cluster -o json lacks {needle}: {c}");
    }
    let yaml = Run::of(emu.eksup().args(["get", "cluster", "mixed", "-o", "yaml"])).expect(0, "get -o yaml");
    assert!(yaml.stdout.contains("mixed") && yaml.stdout.contains("ACTIVE"), "{}", yaml.stdout);
    assert!(!yaml.stdout.trim_start().starts_with('{'), "-o yaml printed JSON:\n{}", yaml.stdout);

    let ngs =
        Run::of(emu.eksup().args(["get", "nodegroup", "--cluster", "mixed"])).expect(0, "get ng").stdout;
    let managed = ngs.lines().find(|l| l.starts_with("managed ")).unwrap_or_else(|| panic!("{ngs}"));
    let cols: Vec<&str> = managed.split_whitespace().collect();
    assert_eq!(cols, ["managed", "managed", "ACTIVE", "2", "2", "2", "m5.large"], "{ngs}");
    let selfm = ngs.lines().find(|l| l.starts_with("self-managed ")).unwrap_or_else(|| panic!("{ngs}"));
    let cols: Vec<&str> = selfm.split_whitespace().collect();
    assert_eq!(cols[1..3], ["self-managed", "ACTIVE"], "{ngs}");
    assert_eq!(cols[3..6], ["1", "1", "1"], "{ngs}");
    let j = Run::of(emu.eksup().args(["get", "nodegroup", "--cluster", "mixed", "-o", "json"]))
        .expect(0, "ng json");
    let groups: Value = serde_json::from_str(&j.stdout).expect("get nodegroup -o json");
    assert_eq!(groups.as_array().map(Vec::len), Some(2), "{groups}");

    // scale: managed (read back with eks) and self-managed (read back with autoscaling).
    Run::of(emu.eksup().args([
        "scale",
        "nodegroup",
        "--cluster",
        "mixed",
        "--name",
        "managed",
        "--nodes",
        "3",
    ]))
    .expect(0, "scale managed");
    let ng =
        emu.aws(&["eks", "describe-nodegroup", "--cluster-name", "mixed", "--nodegroup-name", "managed"]);
    let sc = &ng["nodegroup"]["scalingConfig"];
    assert_eq!(
        (sc["minSize"].as_i64(), sc["desiredSize"].as_i64(), sc["maxSize"].as_i64()),
        (Some(2), Some(3), Some(3))
    );
    Run::of(emu.eksup().args([
        "scale",
        "nodegroup",
        "--cluster",
        "mixed",
        "--name",
        "self-managed",
        "--nodes",
        "3",
    ]))
    .expect(0, "scale self-managed");
    let asg = &emu.aws(&[
        "autoscaling",
        "describe-auto-scaling-groups",
        "--auto-scaling-group-names",
        "eksup-mixed-self-managed",
    ])["AutoScalingGroups"][0];
    assert_eq!(asg["DesiredCapacity"].as_i64(), Some(3), "{asg}");
    assert!(asg["MaxSize"].as_i64() >= Some(3), "{asg}");
    let after =
        Run::of(emu.eksup().args(["get", "nodegroup", "--cluster", "mixed"])).expect(0, "get ng").stdout;
    let managed = after.lines().find(|l| l.starts_with("managed ")).unwrap_or_else(|| panic!("{after}"));
    assert_eq!(managed.split_whitespace().collect::<Vec<_>>()[3..6], ["2", "3", "3"], "{after}");
}

// ---------------------------------------------------------------------------------------
// 9. Progress output.
// ---------------------------------------------------------------------------------------

#[test]
fn progress_is_timestamped_text_or_json_lines() {
    let emu = start();
    let file = example("managed");
    let human = Run::of(emu.eksup().args(["create", "cluster", "-f"]).arg(&file)).expect(0, "create");
    assert!(human.stdout.trim().is_empty(), "human progress goes to stderr, stdout has:\n{}", human.stdout);
    let step_lines: Vec<&str> =
        human.stderr.lines().filter(|l| l.contains("created ") || l.contains("starting ")).collect();
    assert!(step_lines.len() >= 2 * 24, "one start and one end line per step:\n{}", human.stderr);
    for line in &step_lines {
        let stamp = line.get(..10).unwrap_or_default();
        let ok = stamp.len() == 10
            && stamp.starts_with('[')
            && stamp.ends_with(']')
            && stamp[1..9]
                .chars()
                .enumerate()
                .all(|(i, c)| if i == 2 || i == 5 { c == ':' } else { c.is_ascii_digit() });
        assert!(ok, "line without a [hh:mm:ss] timestamp: {line:?}");
    }
    assert!(!human.stderr.contains('\u{1b}'), "no escape codes without a terminal");
    let tail: String = human.stderr.lines().rev().take(10).collect::<Vec<_>>().join("\n");
    assert!(human.stderr.contains("is ready in"), "{}", human.stderr);
    for phase in ["network", "IAM", "control plane", "nodes"] {
        assert!(tail.contains(phase), "the summary does not name the `{phase}` phase:\n{tail}");
    }

    let emu2 = start();
    let json = create(&emu2, &file).expect(0, "create -o json");
    let events = json.events(); // every line parses
    let planned = plan_steps(&emu2, &file).len();
    assert!(events.len() > planned * 2, "{}", json.stdout);
    let last = json.summary();
    assert_eq!(last["result"], "created");
    assert_eq!(last["counts"]["created"].as_u64(), Some(planned as u64), "{last}");
    let phases: Vec<String> =
        last["phases"].as_array().expect("phases").iter().map(|p| str_of(&p["phase"])).collect();
    for phase in ["network", "IAM", "control plane", "nodes"] {
        assert!(phases.contains(&phase.to_string()), "{last}");
    }
    for e in &events[..events.len() - 1] {
        let kind = str_of(&e["event"]);
        assert!(
            ["stepStarted", "stepWaiting", "stepFinished", "stepFailed", "stepSkipped"]
                .contains(&kind.as_str()),
            "unexpected event {e}"
        );
        assert!(e["step"].is_string() && e["description"].is_string(), "{e}");
    }
    assert!(!json.stderr.contains("starting "), "-o json keeps step lines off stderr:\n{}", json.stderr);

    // Delete -o json: JSON lines too, ending with the `deleted` summary.
    let del = Run::of(emu2.eksup().args(["delete", "cluster", "--name", "demo", "--yes", "-o", "json"]))
        .expect(0, "delete -o json");
    assert_eq!(del.summary()["result"], "deleted", "{}", del.stdout);
}
