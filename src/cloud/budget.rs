//! A request budget per AWS service and kind of call, so that raising `--parallelism` or creating
//! a hundred node groups does not trip AWS's API rate limits.
//!
//! AWS throttles each account with token buckets (EC2 documents them: "Request throttling for the
//! Amazon EC2 API"): a bucket holds a burst of tokens, every request takes one, and tokens come
//! back at a fixed rate. eksup keeps the same buckets on its side, one per service and kind of
//! call, sized to AWS's documented defaults where AWS publishes them (EC2, ELB) and to
//! conservative figures where it does not (IAM, EKS, Auto Scaling, ECR, STS: the same figures the
//! emulator's `tests/moto/eksup_moto_rate.py` enforces, with their reasons there), one bucket per
//! action where AWS counts per action (EC2) and one per kind where it shares one (Auto Scaling,
//! ELB). Refill runs at 90% of AWS's rate, so that eksup stays under the limit rather than on it.
//!
//! Every HTTP attempt takes a token first (the SDK's retries included), waiting when the bucket is
//! empty. A throttled answer halves the bucket's rate (down to a twentieth of AWS's), and each
//! answer that is not throttled gives back a twentieth: additive increase, multiplicative
//! decrease, as TCP, so that a busy account (another tool calling at the same time) slows eksup
//! down instead of failing it. The SDK still retries the throttled call.
//!
//! The budget sits in the HTTP client (an [`HttpClient`] around the SDK's default one): the only
//! place that sees every attempt of every call, with its service (from the SigV4 credential
//! scope) and operation.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use aws_smithy_runtime_api::client::http::{
    HttpClient, HttpConnector, HttpConnectorFuture, HttpConnectorSettings, SharedHttpClient,
    SharedHttpConnector,
};
use aws_smithy_runtime_api::client::orchestrator::{HttpRequest, HttpResponse};
use aws_smithy_runtime_api::client::result::ConnectorError;
use aws_smithy_runtime_api::client::runtime_components::RuntimeComponents;
use aws_smithy_types::body::SdkBody;
use tokio::time::Instant;

/// The AWS calls this process made (every HTTP attempt, retries included), for the run summary.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Calls {
    /// Describe, Get and List calls outside waits: finding what exists.
    pub reads: u64,
    /// Calls that change something.
    pub writes: u64,
    /// Calls waits made to ask whether a resource was ready (or gone) yet.
    pub polls: u64,
    /// Answers that said AWS throttled the call.
    pub throttled: u64,
}

static READS: AtomicU64 = AtomicU64::new(0);
static WRITES: AtomicU64 = AtomicU64::new(0);
static POLLS: AtomicU64 = AtomicU64::new(0);
static THROTTLED: AtomicU64 = AtomicU64::new(0);

/// The calls made so far.
pub fn calls() -> Calls {
    Calls {
        reads: READS.load(Ordering::Relaxed),
        writes: WRITES.load(Ordering::Relaxed),
        polls: POLLS.load(Ordering::Relaxed),
        throttled: THROTTLED.load(Ordering::Relaxed),
    }
}

tokio::task_local! {
    /// Set while a wait polls: its calls count as polls.
    static POLLING: ();
}

tokio::task_local! {
    /// The HTTP attempts of the call [`attempts`] runs.
    static ATTEMPTS: std::cell::Cell<u32>;
}

/// Run one AWS call and count its HTTP attempts (the SDK's retries included): a create sent once
/// cannot have made a copy.
pub(crate) async fn attempts<F: std::future::Future>(call: F) -> (F::Output, u32) {
    ATTEMPTS
        .scope(std::cell::Cell::new(0), async {
            let out = call.await;
            (out, ATTEMPTS.with(std::cell::Cell::get))
        })
        .await
}

/// Run one poll of a wait: the calls it makes count as polls, not reads.
pub(crate) async fn polling<F: std::future::Future>(poll: F) -> F::Output {
    POLLING.scope((), poll).await
}

/// A kind of call with a budget of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Bucket {
    Ec2Read,
    Ec2Write,
    IamRead,
    IamWrite,
    EksRead,
    EksWrite,
    AutoScaling,
    ElbRead,
    ElbWrite,
    Ecr,
    Sts,
}

impl Bucket {
    /// AWS's burst and refill per second.
    fn aws(self) -> (f64, f64) {
        match self {
            // Documented: non-mutating 100 / 20, mutating 50 / 5.
            Self::Ec2Read => (100.0, 20.0),
            Self::Ec2Write => (50.0, 5.0),
            // Documented for ELB's describes (40 / 10); its mutations are an assumption.
            Self::ElbRead => (40.0, 10.0),
            Self::ElbWrite => (20.0, 2.0),
            // Not published: the emulator's conservative figures.
            Self::IamRead | Self::EksRead | Self::Ecr => (20.0, 10.0),
            Self::IamWrite | Self::EksWrite => (10.0, 2.0),
            Self::AutoScaling => (20.0, 5.0),
            Self::Sts => (50.0, 20.0),
        }
    }

    /// The bucket of a call to `service` (the SigV4 signing name) doing `operation` with HTTP
    /// `method`; `None` for services without one (SSM, Service Quotas).
    fn of(service: &str, operation: &str, method: &str) -> Option<Self> {
        let reads = |op: &str| reads(op, "");
        Some(match service {
            "ec2" if reads(operation) => Self::Ec2Read,
            "ec2" => Self::Ec2Write,
            "iam" if reads(operation) => Self::IamRead,
            "iam" => Self::IamWrite,
            // EKS is REST: its reads are the GETs.
            "eks" if method == "GET" => Self::EksRead,
            "eks" => Self::EksWrite,
            "autoscaling" => Self::AutoScaling,
            "elasticloadbalancing" if reads(operation) => Self::ElbRead,
            "elasticloadbalancing" => Self::ElbWrite,
            "ecr" => Self::Ecr,
            "sts" => Self::Sts,
            _ => return None,
        })
    }

    /// Whether AWS keeps one bucket per action of this kind (EC2 documents it; IAM, EKS, ECR and
    /// STS are assumed to, as the emulator does) rather than one for all (Auto Scaling and ELB
    /// document a shared one).
    fn per_action(self) -> bool {
        !matches!(self, Self::AutoScaling | Self::ElbRead | Self::ElbWrite)
    }

    /// The bucket of a signed request, and the key of its tokens: the bucket, with the action
    /// where AWS counts per action.
    fn of_request(request: &HttpRequest) -> Option<(Self, String)> {
        let service = request.headers().get("authorization").and_then(signing_service)?;
        let operation = request
            .headers()
            .get("x-amz-target")
            .and_then(|t| t.rsplit('.').next())
            .map(str::to_string)
            .or_else(|| request.body().bytes().and_then(query_action))
            .unwrap_or_else(|| rest_action(request.method(), request.uri()));
        let _ = ATTEMPTS.try_with(|n| n.set(n.get() + 1));
        let count = match (reads(&operation, request.method()), POLLING.try_with(|()| ()).is_ok()) {
            (true, true) => &POLLS,
            (true, false) => &READS,
            (false, _) => &WRITES,
        };
        count.fetch_add(1, Ordering::Relaxed);
        let bucket = Self::of(service, &operation, request.method())?;
        Some((bucket, if bucket.per_action() { operation } else { String::new() }))
    }
}

/// A REST call's action, as near as the request tells: its method and the fixed words of its
/// path (`GET clusters/node-groups` for DescribeNodegroup and ListNodegroups alike).
fn rest_action(method: &str, uri: &str) -> String {
    let path = uri.split("://").last().unwrap_or(uri);
    let path = path.split_once('/').map_or("", |(_, p)| p).split('?').next().unwrap_or_default();
    let words: Vec<&str> = path.split('/').step_by(2).collect();
    format!("{method} {}", words.join("/"))
}

/// Whether a call only reads: its operation's verb, or the method of a REST call.
fn reads(operation: &str, method: &str) -> bool {
    method == "GET"
        || ["Describe", "Get", "List", "BatchGet", "Search", "Simulate"]
            .iter()
            .any(|p| operation.starts_with(p))
}

/// The service of a SigV4 `Authorization` header: `Credential=AKID/DATE/REGION/SERVICE/aws4_request`.
fn signing_service(authorization: &str) -> Option<&str> {
    let scope = authorization.split("Credential=").nth(1)?.split(',').next()?;
    scope.split('/').nth(3)
}

/// The `Action` of a query-protocol body (`Action=DescribeVpcs&Version=...`).
fn query_action(body: &[u8]) -> Option<String> {
    let body = std::str::from_utf8(body).ok()?;
    body.split('&').find_map(|kv| kv.strip_prefix("Action=")).map(str::to_string)
}

/// One token bucket whose rate adapts to throttling.
#[derive(Debug)]
struct Tokens {
    size: f64,
    /// AWS's rate (90% of it): what the rate climbs back to.
    base: f64,
    rate: f64,
    tokens: f64,
    at: Instant,
}

impl Tokens {
    fn new((size, rate): (f64, f64)) -> Self {
        let base = rate * 0.9;
        Self { size, base, rate: base, tokens: size, at: Instant::now() }
    }

    fn refill(&mut self, now: Instant) {
        self.tokens = (self.tokens + now.duration_since(self.at).as_secs_f64() * self.rate).min(self.size);
        self.at = now;
    }

    /// Take a token: now (`None`), or reserved for a moment to wait for. Reservations are handed
    /// out in the order callers come, so no caller waits behind later ones.
    fn take(&mut self, now: Instant) -> Option<Duration> {
        self.refill(now);
        self.tokens -= 1.0;
        (self.tokens < 0.0).then(|| Duration::from_secs_f64(-self.tokens / self.rate))
    }

    fn answered(&mut self, throttled: bool) {
        if throttled {
            self.rate = (self.rate / 2.0).max(self.base / 20.0);
            self.tokens = self.tokens.min(0.0);
        } else {
            self.rate = (self.rate + self.base / 20.0).min(self.base);
        }
    }
}

/// The buckets of one process, by kind and (where AWS counts per action) action.
#[derive(Debug, Default)]
pub(crate) struct Budget {
    buckets: Mutex<HashMap<(Bucket, String), Tokens>>,
}

impl Budget {
    /// Take a token from the bucket `key`, waiting for it if the bucket is empty.
    async fn take(&self, key: &(Bucket, String)) {
        let wait = {
            let Ok(mut buckets) = self.buckets.lock() else { return };
            let tokens = buckets.entry(key.clone()).or_insert_with(|| Tokens::new(key.0.aws()));
            tokens.take(Instant::now())
        };
        if let Some(d) = wait {
            // Waiting for the account's rate: the step does no work, its slot is free.
            crate::executor::resting(tokio::time::sleep(d)).await;
        }
    }

    fn answered(&self, key: &(Bucket, String), throttled: bool) {
        if throttled {
            THROTTLED.fetch_add(1, Ordering::Relaxed);
        }
        if let Ok(mut buckets) = self.buckets.lock()
            && let Some(t) = buckets.get_mut(key)
        {
            t.answered(throttled);
        }
    }
}

/// The SDK's default HTTPS client (rustls with aws-lc, proxy settings from the environment, as
/// `aws-config` makes it), behind a [`Budget`].
pub(crate) fn client() -> SharedHttpClient {
    use aws_smithy_http_client::proxy::ProxyConfig;
    use aws_smithy_http_client::{Builder, ConnectorBuilder, tls};
    let inner = Builder::new().build_with_connector_fn(|settings, components| {
        let mut builder = ConnectorBuilder::default()
            .tls_provider(tls::Provider::Rustls(tls::rustls_provider::CryptoMode::AwsLc));
        builder.set_connector_settings(settings.cloned());
        if let Some(components) = components {
            builder.set_sleep_impl(components.sleep_impl());
        }
        builder.set_proxy_config(Some(ProxyConfig::from_env()));
        builder.build()
    });
    SharedHttpClient::new(Budgeted { inner, budget: Arc::default() })
}

#[derive(Debug)]
struct Budgeted {
    inner: SharedHttpClient,
    budget: Arc<Budget>,
}

impl HttpClient for Budgeted {
    fn http_connector(
        &self,
        settings: &HttpConnectorSettings,
        components: &RuntimeComponents,
    ) -> SharedHttpConnector {
        let inner = self.inner.http_connector(settings, components);
        SharedHttpConnector::new(BudgetedConnector { inner, budget: self.budget.clone() })
    }

    fn connector_metadata(
        &self,
    ) -> Option<aws_smithy_runtime_api::client::connector_metadata::ConnectorMetadata> {
        self.inner.connector_metadata()
    }
}

#[derive(Debug)]
struct BudgetedConnector {
    inner: SharedHttpConnector,
    budget: Arc<Budget>,
}

impl HttpConnector for BudgetedConnector {
    fn call(&self, request: HttpRequest) -> HttpConnectorFuture {
        let Some(key) = Bucket::of_request(&request) else { return self.inner.call(request) };
        let (inner, budget) = (self.inner.clone(), self.budget.clone());
        HttpConnectorFuture::new(async move {
            budget.take(&key).await;
            let mut response = inner.call(request).await?;
            let throttled = throttled(&mut response).await?;
            budget.answered(&key, throttled);
            Ok(response)
        })
    }
}

/// Whether AWS throttled the call: EC2's 503 `RequestLimitExceeded`, REST's 429, or a 400 whose
/// (small) error body says `Throttling` (IAM, STS, Auto Scaling, ELB, ECR). The body read is put
/// back for the SDK; a body that cannot be read in 5 s fails the attempt as the SDK would.
async fn throttled(response: &mut HttpResponse) -> Result<bool, ConnectorError> {
    match response.status().as_u16() {
        429 | 503 => Ok(true),
        400 => {
            let body = std::mem::replace(response.body_mut(), SdkBody::taken());
            let read = aws_smithy_types::byte_stream::ByteStream::new(body).collect();
            let bytes = match tokio::time::timeout(Duration::from_secs(5), read).await {
                Ok(Ok(bytes)) => bytes.into_bytes(),
                Ok(Err(e)) => return Err(ConnectorError::io(e.into())),
                Err(e) => return Err(ConnectorError::timeout(e.into())),
            };
            let text = String::from_utf8_lossy(&bytes);
            let throttled =
                ["Throttling", "RequestLimitExceeded", "TooManyRequests"].iter().any(|c| text.contains(c));
            *response.body_mut() = SdkBody::from(bytes);
            Ok(throttled)
        }
        _ => Ok(false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calls_are_sorted_into_buckets() {
        let auth = "AWS4-HMAC-SHA256 Credential=AKID/20261127/us-west-2/ec2/aws4_request, SignedHeaders=host, Signature=x";
        assert_eq!(signing_service(auth), Some("ec2"));
        assert_eq!(query_action(b"Action=DescribeVpcs&Version=2016-11-15"), Some("DescribeVpcs".into()));
        assert_eq!(Bucket::of("ec2", "DescribeVpcs", "POST"), Some(Bucket::Ec2Read));
        assert_eq!(Bucket::of("ec2", "CreateVpc", "POST"), Some(Bucket::Ec2Write));
        assert_eq!(Bucket::of("iam", "ListRoles", "POST"), Some(Bucket::IamRead));
        assert_eq!(Bucket::of("iam", "AttachRolePolicy", "POST"), Some(Bucket::IamWrite));
        assert_eq!(Bucket::of("eks", "", "GET"), Some(Bucket::EksRead));
        assert_eq!(Bucket::of("eks", "", "POST"), Some(Bucket::EksWrite));
        assert_eq!(Bucket::of("ssm", "GetParameter", "POST"), None);

        let mut request = HttpRequest::new(SdkBody::from("Action=CreateSubnet&Version=2016-11-15"));
        request.headers_mut().insert("authorization", auth);
        assert_eq!(Bucket::of_request(&request), Some((Bucket::Ec2Write, "CreateSubnet".into())));
        let mut request = HttpRequest::new(SdkBody::from("{}"));
        request.headers_mut().insert(
            "authorization",
            "AWS4-HMAC-SHA256 Credential=AKID/20261127/us-west-2/ecr/aws4_request, Signature=x",
        );
        request
            .headers_mut()
            .insert("x-amz-target", "AmazonEC2ContainerRegistry_V20150921.DescribeRepositories");
        assert_eq!(Bucket::of_request(&request), Some((Bucket::Ecr, "DescribeRepositories".into())));
        assert_eq!(
            rest_action("GET", "https://eks.us-west-2.amazonaws.com/clusters/demo/node-groups/ng-1"),
            "GET clusters/node-groups"
        );
        assert_eq!(rest_action("POST", "http://127.0.0.1:5000/clusters?x=1"), "POST clusters");
    }

    #[test]
    fn a_burst_then_the_refill_rate() {
        // IAM mutations: a burst of 10, then 1.8 a second (90% of 2).
        let mut t = Tokens::new(Bucket::IamWrite.aws());
        let start = t.at;
        for _ in 0..10 {
            assert_eq!(t.take(start), None);
        }
        // The burst is spent: the next callers get reservations, one refill apart.
        let first = t.take(start).expect("the burst is spent");
        let second = t.take(start).expect("the burst is spent");
        assert!((first.as_secs_f64() - 1.0 / 1.8).abs() < 1e-6, "{first:?}");
        assert!((second.as_secs_f64() - 2.0 / 1.8).abs() < 1e-6, "{second:?}");
        // Five seconds later, nine tokens came back, two of them already promised.
        let later = start + Duration::from_secs(5);
        for _ in 0..7 {
            assert_eq!(t.take(later), None);
        }
        assert!(t.take(later).is_some());
    }

    #[test]
    fn throttling_halves_the_rate_and_answers_bring_it_back() {
        let mut t = Tokens::new((10.0, 2.0));
        let base = t.rate;
        t.answered(true);
        t.answered(true);
        assert!((t.rate - base / 4.0).abs() < 1e-9);
        for _ in 0..100 {
            t.answered(true);
        }
        assert!((t.rate - base / 20.0).abs() < 1e-9, "never below a twentieth");
        for _ in 0..40 {
            t.answered(false);
        }
        assert!((t.rate - base).abs() < 1e-9, "back to AWS's rate, not above");
    }
}
