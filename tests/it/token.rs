//! `eksup get-token`: the token format, the cache, the same structure as `aws eks get-token`,
//! and a real kubectl that runs `eksup get-token` and sends the token to a local HTTPS server.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Child, Command as StdCommand, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use assert_cmd::Command;
use base64::Engine;
use serde_json::Value;

pub(crate) const ACCESS_KEY_ID: &str = "AKIAEKSUPTESTKEY0001";
pub(crate) const SECRET_ACCESS_KEY: &str = "eksup/test/secret/key/0000000000000000000";

/// The directory of the `eksup` binary under test (for `PATH`, so kubectl finds it).
pub(crate) fn bin_dir() -> PathBuf {
    assert_cmd::cargo::cargo_bin("eksup").parent().unwrap().to_path_buf()
}

/// `PATH` with the binary under test first.
pub(crate) fn test_path() -> std::ffi::OsString {
    let mut dirs = vec![bin_dir()];
    dirs.extend(std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()));
    std::env::join_paths(dirs).unwrap()
}

/// The real binary with a clean AWS environment: [`crate::support::hermetic`] (HOME and the
/// token cache in `home`) with [`static_credentials`].
pub(crate) fn eksup(home: &Path) -> Command {
    Command::from_std(static_credentials(crate::support::hermetic_process(home), home))
}

/// Adds the test's static credentials to a hermetic command (see
/// [`crate::support::hermetic_program`]), with no profile files and no IMDS.
pub(crate) fn static_credentials(mut cmd: StdCommand, home: &Path) -> StdCommand {
    cmd.env("AWS_ACCESS_KEY_ID", ACCESS_KEY_ID)
        .env("AWS_SECRET_ACCESS_KEY", SECRET_ACCESS_KEY)
        .env("AWS_CONFIG_FILE", home.join("no-aws-config"))
        .env("AWS_SHARED_CREDENTIALS_FILE", home.join("no-aws-credentials"))
        .env("AWS_EC2_METADATA_DISABLED", "true");
    cmd
}

/// The decoded presigned URL of an ExecCredential's token.
pub(crate) struct Decoded {
    pub url: String,
    pub host: String,
    pub params: BTreeMap<String, String>,
    pub expiration: String,
}

pub(crate) fn decode_exec_credential(stdout: &[u8]) -> Decoded {
    let v: Value = serde_json::from_slice(stdout).expect("stdout is JSON");
    assert_eq!(v["kind"], "ExecCredential");
    assert_eq!(v["apiVersion"], "client.authentication.k8s.io/v1beta1");
    assert_eq!(v["spec"], serde_json::json!({}));
    let token = v["status"]["token"].as_str().unwrap();
    let b64 = token.strip_prefix("k8s-aws-v1.").expect("k8s-aws-v1. prefix");
    assert!(!b64.contains('='), "unpadded base64url");
    let url =
        String::from_utf8(base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(b64).unwrap()).unwrap();
    let rest = url.strip_prefix("https://").expect("https");
    let (host, query) = rest.split_once("/?").expect("path / and a query");
    let params = query
        .split('&')
        .map(|kv| {
            let (k, v) = kv.split_once('=').unwrap();
            (k.to_string(), v.to_string())
        })
        .collect();
    Decoded {
        url: url.clone(),
        host: host.to_string(),
        params,
        expiration: v["status"]["expirationTimestamp"].as_str().unwrap().to_string(),
    }
}

/// Seconds since the epoch of `2026-11-22T01:36:31Z` or `20261122T013631Z`.
fn unix_seconds(ts: &str) -> i64 {
    let digits: String = ts.chars().filter(char::is_ascii_digit).collect();
    let n = |a: usize, b: usize| digits[a..b].parse::<i64>().unwrap();
    let (y, m, d) = (n(0, 4), n(4, 6), n(6, 8));
    // days_from_civil
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    days * 86_400 + n(8, 10) * 3600 + n(10, 12) * 60 + n(12, 14)
}

fn now_unix() -> i64 {
    i64::try_from(SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_secs()).unwrap()
}

#[test]
fn get_token_prints_an_exec_credential_with_a_presigned_sts_url() {
    let home = tempfile::tempdir().unwrap();
    let out = eksup(home.path())
        .args(["get-token", "--cluster-name", "demo", "--region", "us-west-2"])
        .assert()
        .success()
        .get_output()
        .clone();
    let d = decode_exec_credential(&out.stdout);
    assert_eq!(d.host, "sts.us-west-2.amazonaws.com");
    assert_eq!(d.params["Action"], "GetCallerIdentity");
    assert_eq!(d.params["Version"], "2011-06-15");
    assert_eq!(d.params["X-Amz-Algorithm"], "AWS4-HMAC-SHA256");
    assert_eq!(d.params["X-Amz-Expires"], "60");
    assert_eq!(d.params["X-Amz-SignedHeaders"], "host%3Bx-k8s-aws-id");
    assert!(d.params["X-Amz-Credential"].starts_with(&format!("{ACCESS_KEY_ID}%2F")), "{}", d.url);
    assert!(d.params["X-Amz-Credential"].ends_with("%2Fus-west-2%2Fsts%2Faws4_request"));
    assert_eq!(d.params["X-Amz-Signature"].len(), 64);
    // Valid for 14 minutes from signing.
    let signed = unix_seconds(&d.params["X-Amz-Date"]);
    assert_eq!(unix_seconds(&d.expiration) - signed, 14 * 60, "{}", d.expiration);
    assert!((signed - now_unix()).abs() < 120);
    assert!(out.stderr.is_empty(), "nothing on stderr: {}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn china_regions_use_the_cn_sts_host_and_sessions_are_signed() {
    let home = tempfile::tempdir().unwrap();
    let out = eksup(home.path())
        .env("AWS_SESSION_TOKEN", "session-token-value")
        .args(["get-token", "--cluster-name", "demo", "--region", "cn-north-1", "--no-cache"])
        .assert()
        .success()
        .get_output()
        .clone();
    let d = decode_exec_credential(&out.stdout);
    assert_eq!(d.host, "sts.cn-north-1.amazonaws.com.cn");
    assert_eq!(d.params["X-Amz-Security-Token"], "session-token-value");
}

#[test]
fn region_from_the_environment_works_and_no_region_is_a_clear_error() {
    let home = tempfile::tempdir().unwrap();
    let out = eksup(home.path())
        .env("AWS_REGION", "eu-central-1")
        .args(["get-token", "--cluster-name", "demo"])
        .assert()
        .success()
        .get_output()
        .clone();
    assert_eq!(decode_exec_credential(&out.stdout).host, "sts.eu-central-1.amazonaws.com");

    let out = eksup(home.path())
        .args(["get-token", "--cluster-name", "demo"])
        .assert()
        .code(1)
        .get_output()
        .clone();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("error: no AWS region for the token"), "{stderr}");
    assert!(stderr.contains("hint: pass `--region`"), "{stderr}");
    assert!(out.stdout.is_empty());
}

#[test]
fn tokens_are_cached_per_key_and_no_cache_bypasses_the_cache() {
    let home = tempfile::tempdir().unwrap();
    let cache_home = home.path().join("xdg-cache");
    let run = |cmd: &mut Command| {
        cmd.env("XDG_CACHE_HOME", &cache_home).assert().success().get_output().stdout.clone()
    };
    let args = ["get-token", "--cluster-name", "demo", "--region", "us-west-2"];
    let first = run(eksup(home.path()).args(args));
    let files: Vec<_> = std::fs::read_dir(cache_home.join("eksup").join("tokens")).unwrap().collect();
    assert_eq!(files.len(), 1);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let meta = files[0].as_ref().unwrap().metadata().unwrap();
        assert_eq!(meta.permissions().mode() & 0o777, 0o600);
    }
    // Without a secret key the signing path would fail: the cached path never resolves
    // credentials (nor loads the AWS config).
    let cached = run(eksup(home.path()).env_remove("AWS_SECRET_ACCESS_KEY").args(args));
    assert_eq!(cached, first, "the cached token is printed as is");
    // Another secret with the same key id still hits; --no-cache signs anew with it.
    let fresh =
        run(eksup(home.path()).env("AWS_SECRET_ACCESS_KEY", "another-secret").args(args).arg("--no-cache"));
    assert_ne!(
        decode_exec_credential(&fresh).params["X-Amz-Signature"],
        decode_exec_credential(&first).params["X-Amz-Signature"]
    );
    // Other cluster, role, profile or access key id: other entries.
    let other =
        run(eksup(home.path()).args(["get-token", "--cluster-name", "other", "--region", "us-west-2"]));
    assert_ne!(other, first);
    let other_key = run(eksup(home.path()).env("AWS_ACCESS_KEY_ID", "AKIAOTHERKEY").args(args));
    assert!(decode_exec_credential(&other_key).params["X-Amz-Credential"].starts_with("AKIAOTHERKEY"));
    assert_eq!(std::fs::read_dir(cache_home.join("eksup").join("tokens")).unwrap().count(), 3);
    // A corrupt cache file is a miss, not an error.
    for f in std::fs::read_dir(cache_home.join("eksup").join("tokens")).unwrap() {
        std::fs::write(f.unwrap().path(), "{garbage").unwrap();
    }
    let after = run(eksup(home.path()).args(args));
    decode_exec_credential(&after);
}

/// The AWS CLI to compare with: the emulator's venv, else `aws` on PATH.
fn aws_cli() -> Option<PathBuf> {
    let venv = Path::new(env!("CARGO_MANIFEST_DIR")).join(".emulator/venv/bin/aws");
    if venv.exists() {
        return Some(venv);
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).map(|d| d.join("aws")).find(|p| p.is_file())
}

#[test]
fn token_has_the_same_structure_as_aws_eks_get_token() {
    let Some(aws) = aws_cli() else {
        panic!(
            "the AWS CLI is needed for this test: run the emulator setup (it installs `.emulator/venv/bin/aws`)"
        );
    };
    let home = tempfile::tempdir().unwrap();
    let ours = eksup(home.path())
        .env("AWS_SESSION_TOKEN", "session-token-value")
        .args(["get-token", "--cluster-name", "demo", "--region", "us-west-2", "--no-cache"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let mut cmd = static_credentials(crate::support::hermetic_program(&aws, home.path()), home.path());
    // Keep HOME (a pyenv shim needs it); isolate the AWS settings only.
    cmd.env("HOME", std::env::var_os("HOME").unwrap_or_default());
    cmd.env("AWS_SESSION_TOKEN", "session-token-value");
    cmd.env("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true");
    let out = cmd
        .args(["eks", "get-token", "--output", "json", "--cluster-name", "demo", "--region", "us-west-2"])
        .output()
        .unwrap();
    assert!(out.status.success(), "aws eks get-token: {}", String::from_utf8_lossy(&out.stderr));
    let ours = decode_exec_credential(&ours);
    let theirs = decode_exec_credential(&out.stdout);
    assert_eq!(ours.host, theirs.host);
    let names = |d: &Decoded| d.params.keys().cloned().collect::<Vec<_>>();
    assert_eq!(names(&ours), names(&theirs), "\nours:   {}\ntheirs: {}", ours.url, theirs.url);
    for same in [
        "Action",
        "Version",
        "X-Amz-Algorithm",
        "X-Amz-Expires",
        "X-Amz-SignedHeaders",
        "X-Amz-Security-Token",
    ] {
        assert_eq!(ours.params[same], theirs.params[same], "{same}");
    }
    // Same credential scope (key id, date, region, service).
    let scope = |d: &Decoded| d.params["X-Amz-Credential"].clone();
    assert_eq!(scope(&ours), scope(&theirs));
    // Same lifetime from signing to expiration.
    let life = |d: &Decoded| unix_seconds(&d.expiration) - unix_seconds(&d.params["X-Amz-Date"]);
    assert_eq!(life(&ours), life(&theirs));
    // Same order of the query parameters, so the URLs differ only in date and signature.
    let mask = |d: &Decoded| {
        d.url.replace(&d.params["X-Amz-Date"], "DATE").replace(&d.params["X-Amz-Signature"], "SIG")
    };
    assert_eq!(mask(&ours), mask(&theirs));
}

// ------------------------------------------------------------------ kubectl + HTTPS server

/// A local HTTPS API server (tests/k8s/fake_apiserver.py); killed on drop.
pub(crate) struct FakeApiServer {
    child: Child,
    pub port: u16,
    pub log: PathBuf,
    pub ca_pem: Vec<u8>,
}

impl Drop for FakeApiServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl FakeApiServer {
    pub(crate) fn start(dir: &Path, cluster: &str, region: &str) -> Self {
        let cert = dir.join("server.crt");
        let key = dir.join("server.key");
        let status = StdCommand::new("openssl")
            .args(["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"])
            .arg("-keyout")
            .arg(&key)
            .arg("-out")
            .arg(&cert)
            .args([
                "-days",
                "1",
                "-subj",
                "/CN=eksup-test",
                "-addext",
                "subjectAltName=IP:127.0.0.1,DNS:localhost",
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .expect("openssl");
        assert!(status.success(), "openssl failed");
        let port_file = dir.join("port");
        let log = dir.join("requests.jsonl");
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/k8s/fake_apiserver.py");
        let child = StdCommand::new("python3")
            .arg(script)
            .arg("--cert")
            .arg(&cert)
            .arg("--key")
            .arg(&key)
            .args(["--cluster", cluster, "--region", region, "--lifetime", "120"])
            .arg("--port-file")
            .arg(&port_file)
            .arg("--log")
            .arg(&log)
            .env("FAKE_APISERVER_SECRET_KEY", SECRET_ACCESS_KEY)
            .stdout(Stdio::null())
            .spawn()
            .expect("python3");
        let mut server = Self { child, port: 0, log, ca_pem: std::fs::read(&cert).unwrap() };
        let start = Instant::now();
        while server.port == 0 {
            if let Ok(text) = std::fs::read_to_string(&port_file) {
                server.port = text.trim().parse().unwrap();
            } else {
                assert!(start.elapsed() < Duration::from_secs(15), "the fake API server did not start");
                if let Ok(Some(status)) = server.child.try_wait() {
                    panic!("the fake API server exited: {status}");
                }
                std::thread::sleep(Duration::from_millis(50));
            }
        }
        server
    }

    pub(crate) fn requests(&self) -> Vec<Value> {
        std::fs::read_to_string(&self.log)
            .unwrap_or_default()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    }
}

#[test]
fn kubectl_runs_eksup_get_token_and_sends_the_token() {
    use eksup::kubeconfig::{ClusterEntry, EntryNames, ExecPlugin, KubeconfigTarget, write_cluster_entries};

    let home = tempfile::tempdir().unwrap();
    let server = FakeApiServer::start(home.path(), "demo", "us-west-2");
    let kubeconfig = home.path().join("kube").join("config");
    // The same entries `write-kubeconfig` writes, pointed at the local server.
    let entry = ClusterEntry {
        names: EntryNames::standard("tester", "demo", "us-west-2"),
        eks_cluster: "demo".into(),
        region: "us-west-2".into(),
        server: format!("https://127.0.0.1:{}", server.port),
        certificate_authority_data: Some(base64::engine::general_purpose::STANDARD.encode(&server.ca_pem)),
        exec: ExecPlugin::eksup_with_command("eksup".into(), "demo", "us-west-2", None, None),
        namespace: None,
    };
    write_cluster_entries(&KubeconfigTarget::file(&kubeconfig), &entry, true).unwrap();

    let kubectl = |args: &[&str]| {
        let mut cmd =
            static_credentials(crate::support::hermetic_program("kubectl", home.path()), home.path());
        // A session token with characters that need encoding: it must be signed too.
        cmd.env("AWS_SESSION_TOKEN", "FwoGZXIvYXdzE/session+token==");
        cmd.env("PATH", test_path()).env("KUBECONFIG", &kubeconfig).args(args);
        cmd.output().unwrap()
    };
    let out = kubectl(&["get", "--raw", "/api/v1/nodes", "--request-timeout", "20s"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "kubectl failed: {}\n{}\nrequests: {:?}",
        String::from_utf8_lossy(&out.stderr),
        stdout,
        server.requests()
    );
    let body: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(body["kind"], "NodeList");
    let requests = server.requests();
    assert!(!requests.is_empty());
    let r = requests.last().unwrap();
    assert!(r["path"].as_str().unwrap().starts_with("/api/v1/nodes"), "{r}");
    assert_eq!(r["ok"], true, "{r}");
    assert_eq!(r["signature_verified"], true, "signed for cluster `demo` with the test key: {r}");
    assert_eq!(r["host"], "sts.us-west-2.amazonaws.com");

    // The token eksup cached is the one kubectl sent.
    let cached = eksup(home.path())
        .env_remove("AWS_SECRET_ACCESS_KEY")
        .env("AWS_SESSION_TOKEN", "FwoGZXIvYXdzE/session+token==")
        .args(["get-token", "--cluster-name", "demo", "--region", "us-west-2"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(decode_exec_credential(&cached).url, r["url"].as_str().unwrap());

    // A token for another cluster is refused by the server: the signature binds the cluster.
    let mut other = entry.clone();
    other.names = EntryNames::alias("wrong-cluster");
    other.exec = ExecPlugin::eksup_with_command("eksup".into(), "not-demo", "us-west-2", None, None);
    write_cluster_entries(&KubeconfigTarget::file(&kubeconfig), &other, true).unwrap();
    let out = kubectl(&["get", "--raw", "/api/v1/nodes", "--request-timeout", "20s"]);
    assert!(!out.status.success());
    let last = server.requests().last().cloned().unwrap();
    assert_eq!(last["ok"], false);
    assert!(last["reason"].as_str().unwrap().contains("signature does not match"), "{last}");
}

#[test]
fn role_arn_assumes_the_role_first() {
    let emu = crate::support::Emulator::start();
    let out = emu
        .eksup()
        .env("XDG_CACHE_HOME", emu.home().join("cache"))
        .args(["get-token", "--cluster-name", "demo", "--role-arn", "arn:aws:iam::123456789012:role/admin"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let d = decode_exec_credential(&out);
    assert_eq!(d.host, "sts.us-west-2.amazonaws.com");
    assert!(!d.params["X-Amz-Credential"].starts_with("testing%2F"), "signed with the role's key: {}", d.url);
    assert!(d.params.contains_key("X-Amz-Security-Token"), "temporary credentials carry a session token");
    assert_eq!(emu.calls().get("sts:AssumeRole"), Some(&1));
    // The second call comes from the cache: no AssumeRole.
    emu.eksup()
        .env("XDG_CACHE_HOME", emu.home().join("cache"))
        .args(["get-token", "--cluster-name", "demo", "--role-arn", "arn:aws:iam::123456789012:role/admin"])
        .assert()
        .success()
        .stdout(String::from_utf8(out).unwrap());
    assert_eq!(emu.calls().get("sts:AssumeRole"), Some(&1));
}
