//! The plan against a live cluster: `create cluster --dry-run` on a cluster that exists marks each
//! step `+` (create), `~` (change in place, field by field), `!` (cannot change in place, what to
//! do instead), `-` (the cluster's, no longer in the config) and folds the unchanged; the re-run
//! applies the `~` changes and waits for them, and leaves `-` alone.

use serde_json::Value;

use crate::support::{Emulator, Run};

fn example() -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/managed.yaml");
    std::fs::read_to_string(path).unwrap()
}

fn write(emu: &Emulator, name: &str, text: &str) -> String {
    let path = emu.home().join(name);
    std::fs::write(&path, text).unwrap();
    path.to_string_lossy().into_owned()
}

fn eksup(emu: &Emulator, args: &[&str]) -> Run {
    Run::of(emu.eksup().args(args))
}

/// The line of the step `id` in the plan's text.
fn line<'a>(plan: &'a str, id: &str) -> &'a str {
    let tag = format!("[{id}]");
    plan.lines().find(|l| l.contains(&tag)).unwrap_or_else(|| panic!("no `{id}` in:\n{plan}"))
}

fn nodegroup(emu: &Emulator, name: &str) -> Value {
    emu.aws(&["eks", "describe-nodegroup", "--cluster-name", "demo", "--nodegroup-name", name])["nodegroup"]
        .clone()
}

#[test]
fn a_dry_run_on_a_live_cluster_marks_each_change_and_the_re_run_applies_it() {
    let emu = Emulator::start();
    let old_group = "  - name: ng-old\n    instanceType: m5.large\n    desiredCapacity: 1\n";
    let first = write(&emu, "first.yaml", &format!("{}{old_group}", example()));
    eksup(&emu, &["create", "cluster", "--wait-nodes=false", "-f", &first]).expect(0, "create");

    // The same file: nothing to do.
    let same = eksup(&emu, &["create", "cluster", "--dry-run", "-f", &first]).expect(0, "dry-run, no change");
    assert!(
        same.stdout.contains("against what exists: 0 to create, 0 to change in place"),
        "{}",
        same.stdout
    );
    assert!(
        same.stdout.lines().filter(|l| l.trim_start().starts_with(['+', '~', '!', '-'])).count() == 0,
        "{}",
        same.stdout
    );

    // Logging on, ng-1 with labels and a larger maximum, ng-2 new, ng-old gone from the file.
    let changed = example().replace(
        "    desiredCapacity: 2     # alone, it sets minSize and maxSize too\n",
        "    desiredCapacity: 2\n    minSize: 2\n    maxSize: 4\n    labels:\n      team: web\n  - name: ng-2\n    instanceType: m5.large\n    desiredCapacity: 1\n",
    )
    .replace("    team: platform\n", "    team: infra\n")
        + "\ncloudWatch:\n  clusterLogging:\n    enableTypes: [\"api\", \"audit\"]\n";
    assert!(changed.contains("ng-2") && changed.contains("team: infra"), "the example moved");
    let second = write(&emu, "second.yaml", &changed);
    let plan = eksup(&emu, &["create", "cluster", "--dry-run", "-f", &second]).expect(0, "dry-run");
    let text = plan.stdout.as_str();
    assert!(line(text, "control-plane").trim_start().starts_with("~ "), "{text}");
    assert!(text.contains("logging: `` -> `api,audit`"), "{text}");
    assert!(line(text, "nodegroup-ng-1").trim_start().starts_with("~ "), "{text}");
    assert!(text.contains("scaling (min/desired/max): `2/2/2` -> `2/2/4`"), "{text}");
    assert!(text.contains("team=web"), "{text}");
    assert!(text.contains("tags: `team=platform` -> `team=infra`"), "{text}");
    assert!(line(text, "nodegroup-ng-2").trim_start().starts_with("+ "), "{text}");
    assert!(
        line(text, "nodegroup/ng-old").trim_start().starts_with("- managed node group `ng-old`"),
        "{text}"
    );
    assert!(text.contains("unchanged"), "{text}");
    let json =
        eksup(&emu, &["create", "cluster", "--dry-run", "-o", "json", "-f", &second]).expect(0, "json");
    let doc: Value = serde_json::from_str(&json.stdout).unwrap();
    let steps = doc["live"]["steps"].as_array().unwrap();
    let mark = |id: &str| steps.iter().find(|s| s["id"] == id).map(|s| s["mark"].clone()).unwrap();
    assert_eq!(
        (mark("nodegroup-ng-2"), mark("nodegroup-ng-1"), mark("vpc")),
        ("create".into(), "change".into(), "same".into())
    );
    assert_eq!(doc["live"]["removals"][0]["id"], "nodegroup/ng-old");
    // Nothing changed.
    let cluster = emu.aws(&["eks", "describe-cluster", "--name", "demo"]);
    assert!(
        cluster["cluster"]["logging"]["clusterLogging"]
            .as_array()
            .unwrap()
            .iter()
            .all(|s| s["enabled"] != true),
        "{cluster}"
    );

    // A different instance type cannot change in place: `!` and what to do.
    let bigger =
        write(&emu, "third.yaml", &changed.replacen("instanceType: m5.large", "instanceType: m5.xlarge", 1));
    let plan = eksup(&emu, &["create", "cluster", "--dry-run", "-f", &bigger]).expect(0, "dry-run");
    assert!(line(&plan.stdout, "nodegroup-ng-1").trim_start().starts_with("! "), "{}", plan.stdout);
    assert!(plan.stdout.contains("(cannot change in place: create a node group"), "{}", plan.stdout);

    // The re-run applies `~` and `+`, each waited for; `-` stays (no `--prune`).
    eksup(&emu, &["create", "cluster", "--wait-nodes=false", "-f", &second]).expect(0, "re-run");
    let cluster = emu.aws(&["eks", "describe-cluster", "--name", "demo"]);
    let on: Vec<&str> = cluster["cluster"]["logging"]["clusterLogging"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["enabled"] == true)
        .flat_map(|s| s["types"].as_array().unwrap().iter().map(|t| t.as_str().unwrap()))
        .collect();
    assert_eq!(on, ["api", "audit"], "{cluster}");
    let ng1 = nodegroup(&emu, "ng-1");
    assert_eq!(ng1["labels"]["team"], "web", "{ng1}");
    assert_eq!(ng1["scalingConfig"]["maxSize"], 4, "{ng1}");
    assert_eq!(
        (cluster["cluster"]["tags"]["team"].as_str(), ng1["tags"]["team"].as_str()),
        (Some("infra"), Some("infra"))
    );
    assert_eq!(nodegroup(&emu, "ng-2")["status"], "ACTIVE");
    assert_eq!(nodegroup(&emu, "ng-old")["status"], "ACTIVE", "removed without --prune");
    let again = eksup(&emu, &["create", "cluster", "--dry-run", "-f", &second]).expect(0, "dry-run after");
    assert!(
        again
            .stdout
            .contains("0 to create, 0 to change in place, 0 that cannot change in place, 1 to remove"),
        "{}",
        again.stdout
    );

    // `--prune` removes what the config no longer has, and waits until it is gone.
    let pruned = eksup(&emu, &["create", "cluster", "--wait-nodes=false", "--prune", "-f", &second])
        .expect(0, "prune");
    assert!(pruned.stderr.contains("`nodegroup/ng-old`"), "{}", pruned.stderr);
    let groups = emu.aws(&["eks", "list-nodegroups", "--cluster-name", "demo"]);
    let mut names: Vec<&str> =
        groups["nodegroups"].as_array().unwrap().iter().map(|g| g.as_str().unwrap()).collect();
    names.sort_unstable();
    assert_eq!(names, ["ng-1", "ng-2"]);
    let done =
        eksup(&emu, &["create", "cluster", "--dry-run", "-f", &second]).expect(0, "dry-run after prune");
    assert!(done.stdout.contains("0 to remove with `--prune`"), "{}", done.stdout);
}
