//! One local AWS emulator per test: `tests/moto/eksup_moto.py` (moto 5.2.5 + eksup's
//! extensions) on a free 127.0.0.1 port, plus ready-made `eksup` and `aws` commands.
//!
//! Each [`Emulator`] owns its own server process (moto's reset is global, so servers are
//! never shared) and a temporary directory used as `HOME`. The server is killed on drop.
//! The Python venv is created on first use by `scripts/emulator install` (pinned, cached in
//! `.emulator/venv`).

use std::collections::BTreeMap;
use std::fs::{self, File};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, ChildStdout, Command as StdCommand, Stdio};
use std::sync::{Mutex, OnceLock};
use std::thread::sleep;
use std::time::{Duration, Instant};

use serde_json::Value;
use tempfile::TempDir;

/// The tag of the NAT gateway [`Emulator::nat_egress`] makes for a user's network.
pub const USER_NETWORK_TAG: &str = "eksup-test/user-network";

/// Region used unless [`EmulatorBuilder::region`] says otherwise.
pub const DEFAULT_REGION: &str = "us-west-2";

/// How long a server may take to answer after spawn (it normally takes < 1 s).
const START_TIMEOUT: Duration = Duration::from_secs(20);

fn project_root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn venv_bin(name: &str) -> PathBuf {
    project_root().join(".emulator/venv/bin").join(name)
}

/// Runs `scripts/emulator install` once per test process. A file lock serializes it with
/// other test processes too (the script itself also takes a `flock`, on a different file).
fn ensure_installed() {
    static INSTALLED: OnceLock<()> = OnceLock::new();
    INSTALLED.get_or_init(|| {
        let state = project_root().join(".emulator");
        fs::create_dir_all(&state).expect("cannot create .emulator/");
        let lock = File::create(state.join("harness.lock")).expect("cannot create .emulator/harness.lock");
        lock.lock().expect("cannot lock .emulator/harness.lock");
        let out = StdCommand::new(project_root().join("scripts/emulator"))
            .arg("install")
            .stdin(Stdio::null())
            .output()
            .expect("cannot run scripts/emulator install");
        assert!(
            out.status.success(),
            "scripts/emulator install failed ({}):\n{}{}",
            out.status,
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        newer_eks_model();
    });
}

/// Where the AWS CLI finds the EKS model of the emulator's botocore (`AWS_DATA_PATH`).
fn models_dir() -> PathBuf {
    project_root().join(".emulator/models")
}

/// awscli 1.x ships its own, older botocore, whose EKS model lacks members the emulator returns
/// (the control plane components' settings): the CLI would drop them from its output. Its loader
/// also searches `AWS_DATA_PATH`, in plain JSON only: the emulator's botocore's EKS model goes
/// there, uncompressed.
fn newer_eks_model() {
    let script = "import botocore.loaders as l, json, os, sys\n\
        m = l.Loader().load_service_model('eks', 'service-2')\n\
        d = os.path.join(sys.argv[1], 'eks', m['metadata']['apiVersion'])\n\
        os.makedirs(d, exist_ok=True)\n\
        json.dump(m, open(os.path.join(d, 'service-2.json'), 'w'))\n";
    let out = StdCommand::new(venv_bin("python"))
        .args(["-c", script])
        .arg(models_dir())
        .stdin(Stdio::null())
        .output()
        .expect("cannot run .emulator/venv/bin/python");
    assert!(
        out.status.success(),
        "cannot write the EKS model for the AWS CLI:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn free_port() -> u16 {
    TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
        .and_then(|l| l.local_addr())
        .expect("cannot find a free local port")
        .port()
}

/// Configures an [`Emulator`] before it starts: server environment knobs and region.
#[derive(Debug, Clone)]
pub struct EmulatorBuilder {
    env: Vec<(String, String)>,
    region: String,
}

impl EmulatorBuilder {
    /// Sets an environment variable of the server process, e.g. one of the delay knobs
    /// documented in `tests/moto/eksup_moto.py` (`MOTO_EKS_CLUSTER_CREATE_SECONDS`, ...).
    pub fn env(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.env.push((key.into(), value.into()));
        self
    }

    /// The region `eksup` and `aws` use (default [`DEFAULT_REGION`]).
    pub fn region(mut self, region: impl Into<String>) -> Self {
        self.region = region.into();
        self
    }

    /// Starts the server and waits until it answers; panics with its log if it cannot.
    pub fn start(self) -> Emulator {
        ensure_installed();
        let mut last_log = String::new();
        // Another process may grab the port between free_port() and the bind: retry.
        for _ in 0..3 {
            let dir =
                tempfile::Builder::new().prefix("eksup-emu-").tempdir().expect("cannot create a temp dir");
            let log_path = dir.path().join("server.log");
            let port = free_port();
            let log = File::create(&log_path).expect("cannot create the server log");
            let mut cmd = StdCommand::new(venv_bin("python"));
            cmd.arg(project_root().join("tests/moto/eksup_moto.py"))
                .args(["-H", "127.0.0.1", "-p", &port.to_string()])
                .current_dir(dir.path())
                .env("MOTO_IAM_LOAD_MANAGED_POLICIES", "true")
                .env("AWS_REGION", &self.region) // the region the server pre-builds backends for
                .env("PYTHONUNBUFFERED", "1")
                .stdin(Stdio::null())
                .stdout(log.try_clone().expect("cannot clone the log file handle"))
                .stderr(log);
            for (key, value) in &self.env {
                cmd.env(key, value);
            }
            let child = cmd.spawn().expect("cannot spawn .emulator/venv/bin/python tests/moto/eksup_moto.py");
            let mut emu =
                Emulator { child, port, region: self.region.clone(), dir, aws_worker: Mutex::new(None) };
            // Start awscli while the server boots (both spend ~1 s importing Python modules).
            let worker = AwsWorker::spawn(emu.aws_env(), emu.home());
            *emu.aws_worker.get_mut().unwrap_or_else(|poisoned| poisoned.into_inner()) = Some(worker);
            if emu.wait_until_ready() {
                return emu;
            }
            last_log = emu.server_log();
            if !last_log.contains("Address already in use") {
                break;
            }
        }
        panic!("the emulator did not start within {START_TIMEOUT:?}; server log:\n{last_log}");
    }
}

/// A running emulator; see the module docs. Killed on drop.
#[derive(Debug)]
pub struct Emulator {
    child: Child,
    port: u16,
    region: String,
    dir: TempDir,
    /// Lazily started `tests/moto/aws_worker.py` (a persistent awscli), see [`Emulator::aws`].
    aws_worker: Mutex<Option<AwsWorker>>,
}

/// A persistent awscli process: JSON argv lines in, JSON `{rc, stdout, stderr}` lines out.
#[derive(Debug)]
struct AwsWorker {
    child: Child,
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
}

impl AwsWorker {
    fn spawn(env: Vec<(&'static str, String)>, home: &Path) -> AwsWorker {
        let mut child = super::hermetic_program(venv_bin("python"), home)
            .arg(project_root().join("tests/moto/aws_worker.py"))
            .envs(env)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("cannot spawn .emulator/venv/bin/python tests/moto/aws_worker.py");
        let stdin = child.stdin.take().expect("aws worker stdin is piped");
        let stdout = BufReader::new(child.stdout.take().expect("aws worker stdout is piped"));
        AwsWorker { child, stdin, stdout }
    }

    /// Runs one awscli command; returns (exit code, stdout, stderr).
    fn run(&mut self, args: &[&str]) -> (i64, String, String) {
        let request = serde_json::to_string(args).expect("argv serializes to JSON");
        writeln!(self.stdin, "{request}")
            .and_then(|()| self.stdin.flush())
            .expect("cannot write to the aws worker");
        let mut line = String::new();
        self.stdout.read_line(&mut line).expect("cannot read from the aws worker");
        let reply: Value = serde_json::from_str(&line)
            .unwrap_or_else(|e| panic!("the aws worker answered invalid JSON ({e}): {line:?}"));
        let text = |key: &str| reply[key].as_str().unwrap_or_default().to_string();
        (reply["rc"].as_i64().unwrap_or(-1), text("stdout"), text("stderr"))
    }
}

impl Drop for AwsWorker {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Emulator {
    /// Starts an emulator with the default settings.
    pub fn start() -> Emulator {
        Emulator::builder().start()
    }

    /// A builder to set server knobs or the region before starting.
    pub fn builder() -> EmulatorBuilder {
        EmulatorBuilder { env: Vec::new(), region: DEFAULT_REGION.to_string() }
    }

    /// `http://127.0.0.1:<port>`, the value of `AWS_ENDPOINT_URL`.
    pub fn endpoint(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// The AWS region of the commands built by this emulator.
    pub fn region(&self) -> &str {
        &self.region
    }

    /// A temp dir private to this emulator: `HOME` and working directory of `eksup`
    /// (`kubeconfig` lives here; so does the server's `server.log`).
    pub fn home(&self) -> &Path {
        self.dir.path()
    }

    /// The environment [`Emulator::eksup`], [`Emulator::aws`] and [`Emulator::kubectl`] add to
    /// [`super::hermetic_program`] (which removes the host's `AWS_*` and `KUBECONFIG`).
    fn aws_env(&self) -> Vec<(&'static str, String)> {
        let home = self.home();
        vec![
            ("AWS_ENDPOINT_URL", self.endpoint()),
            ("AWS_ACCESS_KEY_ID", "testing".into()),
            ("AWS_SECRET_ACCESS_KEY", "testing".into()),
            ("AWS_REGION", self.region.clone()),
            ("AWS_DEFAULT_REGION", self.region.clone()),
            ("AWS_EC2_METADATA_DISABLED", "true".into()),
            ("AWS_CONFIG_FILE", home.join("no-such-aws-config").display().to_string()),
            ("AWS_SHARED_CREDENTIALS_FILE", home.join("no-such-aws-credentials").display().to_string()),
            ("KUBECONFIG", home.join("kubeconfig").display().to_string()),
            ("AWS_DATA_PATH", models_dir().display().to_string()),
        ]
    }

    /// The real `eksup` binary, configured for this emulator only: [`super::hermetic`] (host
    /// `AWS_*` settings removed, `CI=true`, `NO_COLOR=1`) with `HOME` and the working directory =
    /// [`Emulator::home`], `AWS_ENDPOINT_URL`/dummy credentials/region set,
    /// `KUBECONFIG=<home>/kubeconfig`.
    pub fn eksup(&self) -> assert_cmd::Command {
        assert_cmd::Command::from_std(self.eksup_process())
    }

    /// The same as [`Emulator::eksup`], as a plain process (to stream its output or signal it).
    pub fn eksup_process(&self) -> std::process::Command {
        let mut cmd = super::hermetic_process(self.home());
        cmd.envs(self.aws_env()).current_dir(self.home());
        cmd
    }

    /// `kubectl` with this emulator's kubeconfig (`<home>/kubeconfig`, whose users run
    /// `eksup get-token`) and AWS settings; returns (success, stdout, stderr).
    pub fn kubectl(&self, args: &[&str]) -> (bool, String, String) {
        let out = super::hermetic_program("kubectl", self.home())
            .args(args)
            .envs(self.aws_env())
            .current_dir(self.home())
            .stdin(Stdio::null())
            .output()
            .expect("cannot run kubectl");
        (
            out.status.success(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }

    /// A bare pod `default/kept` on `node`, with a PodDisruptionBudget that allows it no
    /// disruption: a drain cannot evict it.
    #[track_caller]
    pub fn pod_kept_by_a_budget(&self, node: &str) {
        let pod = format!(
            r#"{{"apiVersion":"v1","kind":"Pod","metadata":{{"name":"kept","namespace":"default","labels":{{"app":"kept"}}}},
                "spec":{{"nodeName":"{node}","containers":[{{"name":"c","image":"nginx"}}]}}}}"#
        );
        let budget = r#"{"apiVersion":"policy/v1","kind":"PodDisruptionBudget","metadata":{"name":"kept","namespace":"default"},
            "spec":{"minAvailable":1,"selector":{"matchLabels":{"app":"kept"}}}}"#;
        for manifest in [pod.as_str(), budget] {
            let file = self.home().join("manifest.json");
            std::fs::write(&file, manifest).unwrap();
            let (ok, _, stderr) = self.kubectl(&["create", "--validate=false", "-f", file.to_str().unwrap()]);
            assert!(ok, "{stderr}");
        }
    }

    /// The nodes kubectl lists (`kubectl get nodes -o json`), as (name, Ready, labels).
    #[track_caller]
    pub fn nodes(&self) -> Vec<(String, bool, BTreeMap<String, String>)> {
        let (ok, stdout, stderr) = self.kubectl(&["get", "nodes", "-o", "json"]);
        assert!(ok, "kubectl get nodes failed:\n{stderr}");
        let doc: Value = serde_json::from_str(&stdout).expect("kubectl prints JSON");
        doc["items"]
            .as_array()
            .map(Vec::as_slice)
            .unwrap_or_default()
            .iter()
            .map(|n| {
                let ready = n["status"]["conditions"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .any(|c| c["type"] == "Ready" && c["status"] == "True");
                let labels = n["metadata"]["labels"]
                    .as_object()
                    .into_iter()
                    .flatten()
                    .map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_string()))
                    .collect();
                (n["metadata"]["name"].as_str().unwrap_or_default().to_string(), ready, labels)
            })
            .collect()
    }

    /// An EKS cluster made with awscli, as a user outside eksup would: a cluster role (trusting
    /// `eks.amazonaws.com`, with `AmazonEKSClusterPolicy`), then `create-cluster`, retried while
    /// IAM has not propagated the new role (as AWS answers for a few seconds). Returns
    /// DescribeCluster's `cluster`.
    pub fn create_cluster_with_aws(&self, name: &str, subnets: &[&str], extra: &[&str]) -> Value {
        let role = format!("{name}-cluster-role");
        let arn = match self.aws_result(&["iam", "get-role", "--role-name", &role]) {
            Ok(r) => r["Role"]["Arn"].as_str().unwrap_or_default().to_string(),
            Err(_) => {
                let trust = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"eks.amazonaws.com"},"Action":["sts:AssumeRole","sts:TagSession"]}]}"#;
                let created = self.aws(&[
                    "iam",
                    "create-role",
                    "--role-name",
                    &role,
                    "--assume-role-policy-document",
                    trust,
                ]);
                self.aws(&[
                    "iam",
                    "attach-role-policy",
                    "--role-name",
                    &role,
                    "--policy-arn",
                    "arn:aws:iam::aws:policy/AmazonEKSClusterPolicy",
                ]);
                created["Role"]["Arn"].as_str().unwrap_or_default().to_string()
            }
        };
        let vpc_config = format!("subnetIds={}", subnets.join(","));
        let mut args =
            vec!["eks", "create-cluster", "--name", name, "--role-arn", &arn, "--resources-vpc-config"];
        args.push(&vpc_config);
        args.extend(extra);
        let started = Instant::now();
        loop {
            match self.aws_result(&args) {
                Ok(_) => break,
                Err(e)
                    if e.contains("could not be assumed") && started.elapsed() < Duration::from_secs(20) =>
                {
                    sleep(Duration::from_millis(500));
                }
                Err(e) => panic!("`aws eks create-cluster` failed: {e}"),
            }
        }
        self.aws(&["eks", "describe-cluster", "--name", name])["cluster"].clone()
    }

    /// A user's VPC made ready for EKS nodes as a real one is (without it AWS's nodes never
    /// register, and neither do the emulator's): DNS hostnames on (with DNS support, moto's
    /// default: the private endpoint's name resolves in the VPC only then), and a way out to the
    /// public endpoint and AWS's APIs: an attached internet gateway, a public subnet `public_cidr` in
    /// `zone` whose own route table sends `0.0.0.0/0` to it, a NAT gateway there with an Elastic
    /// IP, and the VPC's main route table sending `0.0.0.0/0` to the NAT gateway (so every
    /// subnet without a table of its own reaches the internet through it). The NAT gateway is
    /// tagged [`USER_NETWORK_TAG`], so that [`crate::support::Inventory::sole`] knows it for the
    /// user's and not eksup's.
    pub fn nat_egress(&self, vpc: &str, public_cidr: &str, zone: &str) {
        let id = |v: &Value, object: &str, key: &str| v[object][key].as_str().unwrap_or_default().to_string();
        // A new VPC is not found by every EC2 call for a moment (eventual consistency): retry.
        let started = Instant::now();
        loop {
            let dns = r#"{"Value":true}"#;
            match self.aws_result(&[
                "ec2",
                "modify-vpc-attribute",
                "--vpc-id",
                vpc,
                "--enable-dns-hostnames",
                dns,
            ]) {
                Ok(_) => break,
                Err(e) if e.contains("NotFound") && started.elapsed() < Duration::from_secs(20) => {
                    sleep(Duration::from_millis(300));
                }
                Err(e) => panic!("`aws ec2 modify-vpc-attribute` failed: {e}"),
            }
        }
        let igw = id(&self.aws(&["ec2", "create-internet-gateway"]), "InternetGateway", "InternetGatewayId");
        self.aws(&["ec2", "attach-internet-gateway", "--internet-gateway-id", &igw, "--vpc-id", vpc]);
        let made = self.aws(&[
            "ec2",
            "create-subnet",
            "--vpc-id",
            vpc,
            "--cidr-block",
            public_cidr,
            "--availability-zone",
            zone,
        ]);
        let public = id(&made, "Subnet", "SubnetId");
        let table =
            id(&self.aws(&["ec2", "create-route-table", "--vpc-id", vpc]), "RouteTable", "RouteTableId");
        self.aws(&[
            "ec2",
            "create-route",
            "--route-table-id",
            &table,
            "--destination-cidr-block",
            "0.0.0.0/0",
            "--gateway-id",
            &igw,
        ]);
        self.aws(&["ec2", "associate-route-table", "--route-table-id", &table, "--subnet-id", &public]);
        let eip = self.aws(&["ec2", "allocate-address", "--domain", "vpc"])["AllocationId"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        let nat = self.aws(&[
            "ec2",
            "create-nat-gateway",
            "--subnet-id",
            &public,
            "--allocation-id",
            &eip,
            "--tag-specifications",
            &format!("ResourceType=natgateway,Tags=[{{Key={USER_NETWORK_TAG},Value=true}}]"),
        ]);
        let nat = id(&nat, "NatGateway", "NatGatewayId");
        let in_vpc = format!("Name=vpc-id,Values={vpc}");
        let tables = self.aws(&[
            "ec2",
            "describe-route-tables",
            "--filters",
            &in_vpc,
            "Name=association.main,Values=true",
        ]);
        let main = tables["RouteTables"][0]["RouteTableId"].as_str().unwrap_or_default().to_string();
        self.aws(&[
            "ec2",
            "create-route",
            "--route-table-id",
            &main,
            "--destination-cidr-block",
            "0.0.0.0/0",
            "--nat-gateway-id",
            &nat,
        ]);
    }

    /// A test-only control call of the emulator (`POST /eksup-test/...` with a JSON body);
    /// the parsed answer.
    pub fn control_json(&self, path: &str, body: &Value) -> Value {
        let text = self.control("POST", path, Some(&body.to_string()));
        serde_json::from_str(&text).unwrap_or(Value::Null)
    }

    /// Runs the venv's awscli v1 with `--output json` against this emulator and returns the
    /// parsed output (`Value::Null` when it prints nothing). Panics with stderr on failure.
    pub fn aws(&self, args: &[&str]) -> Value {
        self.aws_result(args).unwrap_or_else(|err| panic!("`aws {}` failed: {err}", args.join(" ")))
    }

    /// Like [`Emulator::aws`] but returns the error text (stderr), e.g.
    /// `"An error occurred (ResourceNotFoundException) when calling ..."`, for expected failures.
    ///
    /// Commands run in a persistent awscli process (same driver as the `aws` executable,
    /// without its ~0.5 s start-up per call), one command at a time per emulator.
    pub fn aws_result(&self, args: &[&str]) -> Result<Value, String> {
        let mut argv = args.to_vec();
        argv.extend(["--output", "json"]);
        let (rc, stdout, stderr) = {
            let mut worker = self.aws_worker.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            worker.get_or_insert_with(|| AwsWorker::spawn(self.aws_env(), self.home())).run(&argv)
        };
        if rc != 0 {
            return Err(stderr.trim().to_string());
        }
        if stdout.trim().is_empty() {
            return Ok(Value::Null);
        }
        serde_json::from_str(&stdout).map_err(|e| format!("`aws` printed invalid JSON ({e}):\n{stdout}"))
    }

    /// Makes the next `times` requests of `operation` (`"eks:CreateNodegroup"`, globs like
    /// `"ec2:*"` allowed) fail with a non-retryable HTTP 400 `InternalFailure` error.
    pub fn fail_next(&self, operation: &str, times: u32) {
        self.fail_next_with(operation, times, "InternalFailure");
    }

    /// Like [`Emulator::fail_next`] with a chosen AWS error code (e.g. `"AccessDeniedException"`).
    pub fn fail_next_with(&self, operation: &str, times: u32, code: &str) {
        let fault = serde_json::json!({ "operation": operation, "times": times, "code": code });
        self.control("POST", "/eksup-test/faults", Some(&fault.to_string()));
    }

    /// The role `platform-admins` that the access entry of `examples/mixed.yaml` names: the
    /// user's, so it must exist before the create (EKS refuses a principal that does not).
    pub fn create_platform_admins_role(&self) {
        let trust = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"123456789012"},"Action":"sts:AssumeRole"}]}"#;
        self.aws(&[
            "iam",
            "create-role",
            "--role-name",
            "platform-admins",
            "--assume-role-policy-document",
            trust,
        ]);
    }

    /// Queues any fault (`{"operation", "times", "code", "status", "after"}`, see the emulator's
    /// `/eksup-test/faults`).
    pub fn fault(&self, fault: &Value) {
        self.control("POST", "/eksup-test/faults", Some(&fault.to_string()));
    }

    /// The faults queued and not yet met.
    pub fn pending_faults(&self) -> Vec<Value> {
        let body = self.control("GET", "/eksup-test/faults", None);
        serde_json::from_str(&body).unwrap_or_else(|e| panic!("bad /eksup-test/faults answer ({e}): {body}"))
    }

    /// Requests received so far, by `service:Operation` (e.g. `"ec2:CreateVpc" => 1`).
    pub fn calls(&self) -> BTreeMap<String, u64> {
        let body = self.control("GET", "/eksup-test/calls", None);
        serde_json::from_str(&body).unwrap_or_else(|e| panic!("bad /eksup-test/calls answer ({e}): {body}"))
    }

    /// The rate limits in force and the calls they refused (`/eksup-test/rate-limits`:
    /// `enabled`, `buckets`, `throttled` by operation, `throttled_total`).
    pub fn rate_limits(&self) -> Value {
        let body = self.control("GET", "/eksup-test/rate-limits", None);
        serde_json::from_str(&body)
            .unwrap_or_else(|e| panic!("bad /eksup-test/rate-limits answer ({e}): {body}"))
    }

    /// Forgets the requests counted so far.
    pub fn reset_calls(&self) {
        self.control("POST", "/eksup-test/calls/reset", None);
    }

    /// Wipes all emulated AWS state (`POST /moto-api/reset`); calls and faults are kept.
    pub fn reset(&self) {
        self.control("POST", "/moto-api/reset", None);
    }

    /// The server's stdout/stderr so far (werkzeug request log and Python tracebacks).
    pub fn server_log(&self) -> String {
        fs::read_to_string(self.dir.path().join("server.log")).unwrap_or_default()
    }

    /// A request to a control endpoint that must answer 2xx; returns the body.
    fn control(&self, method: &str, path: &str, body: Option<&str>) -> String {
        match self.http(method, path, body) {
            Ok((status, body)) if (200..300).contains(&status) => body,
            Ok((status, body)) => panic!("{method} {path} answered {status}: {body}"),
            Err(e) => panic!("{method} {path} failed: {e}"),
        }
    }

    /// Minimal HTTP/1.1 client (one request per connection) for the control endpoints.
    fn http(&self, method: &str, path: &str, body: Option<&str>) -> Result<(u16, String), String> {
        let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, self.port));
        let mut stream =
            TcpStream::connect_timeout(&addr, Duration::from_secs(2)).map_err(|e| e.to_string())?;
        stream.set_read_timeout(Some(Duration::from_secs(30))).map_err(|e| e.to_string())?;
        let body = body.unwrap_or("");
        let request = format!(
            "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nContent-Type: application/json\r\n\
             Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
            self.port,
            body.len()
        );
        stream.write_all(request.as_bytes()).map_err(|e| e.to_string())?;
        let mut response = String::new();
        stream.read_to_string(&mut response).map_err(|e| e.to_string())?;
        let (head, body) = response
            .split_once("\r\n\r\n")
            .ok_or_else(|| format!("malformed HTTP response: {response:?}"))?;
        let status = head
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| format!("malformed HTTP status line: {head:?}"))?;
        Ok((status, body.to_string()))
    }

    /// Polls the health endpoint until it answers, the process exits or the timeout passes.
    fn wait_until_ready(&mut self) -> bool {
        let deadline = Instant::now() + START_TIMEOUT;
        while Instant::now() < deadline {
            if matches!(self.child.try_wait(), Ok(Some(_))) {
                return false;
            }
            if matches!(self.http("GET", "/eksup-test/health", None), Ok((200, _))) {
                return true;
            }
            sleep(Duration::from_millis(25));
        }
        false
    }

    fn stop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Emulator {
    fn drop(&mut self) {
        self.stop();
        if std::thread::panicking() {
            let log = self.server_log();
            let tail: Vec<&str> = log.lines().rev().take(40).collect();
            let tail: Vec<&str> = tail.into_iter().rev().collect();
            eprintln!("--- emulator log (last 40 lines) ---\n{}\n---", tail.join("\n"));
        }
    }
}
