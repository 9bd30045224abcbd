//! `eksup utils write-kubeconfig` and `eksup set-context`: real binary, real files, real kubectl.

use crate::token::eksup;

#[test]
fn a_corrupt_kubeconfig_is_left_byte_for_byte_untouched() {
    let home = tempfile::tempdir().unwrap();
    let path = home.path().join("config");
    let broken = b"apiVersion: v1\nclusters:\n- name: a\n  cluster: {server: [\n\xff\n";
    std::fs::write(&path, broken).unwrap();
    let out = eksup(home.path())
        .args(["utils", "write-kubeconfig", "--cluster", "demo", "--region", "us-west-2", "--kubeconfig"])
        .arg(&path)
        .assert()
        .code(1)
        .get_output()
        .clone();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!("error: cannot parse kubeconfig `{}` at line 4", path.display())),
        "{stderr}"
    );
    assert!(stderr.contains("hint: fix the file or move it away"), "{stderr}");
    assert_eq!(std::fs::read(&path).unwrap(), broken);
    let names: Vec<_> = std::fs::read_dir(home.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names.len(), 1, "no temporary or lock file beside it: {names:?}");
}
