//! The ExecCredential that `get-token` prints, and its on-disk cache.
//!
//! The cache holds one small JSON file per (cluster, region, role, profile, access key id)
//! under `$XDG_CACHE_HOME/eksup/tokens` or `~/.cache/eksup/tokens` (directory 0700, files
//! 0600). A cached token is used while it has more than [`REFRESH_BEFORE`] left; reading it
//! needs no AWS configuration and no async runtime, so a cached `get-token` costs about a
//! process start.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};
use serde_json::json;

use super::EXEC_API_VERSION;

/// How long a token is announced as valid: EKS accepts it ~15 min; clients refresh after 14.
pub const TOKEN_LIFETIME: Duration = Duration::from_secs(14 * 60);

/// A cached token is not handed out when it has less than this left.
pub const REFRESH_BEFORE: Duration = Duration::from_secs(60);

/// An EKS bearer token and when it expires.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExecCredential {
    pub token: String,
    pub expiration: SystemTime,
}

impl ExecCredential {
    /// The ExecCredential JSON, field for field as `aws eks get-token` prints it.
    pub fn to_json(&self) -> String {
        let value = json!({
            "kind": "ExecCredential",
            "apiVersion": EXEC_API_VERSION,
            "spec": {},
            "status": {
                "expirationTimestamp": rfc3339(self.expiration),
                "token": self.token,
            }
        });
        value.to_string()
    }
}

/// `2026-11-22T01:36:31Z` (UTC, whole seconds).
pub fn rfc3339(t: SystemTime) -> String {
    let secs = t.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    let rem = secs % 86_400;
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z", rem / 3600, rem % 3600 / 60, rem % 60)
}

/// Howard Hinnant's `civil_from_days`: days since 1970-01-01 -> (year, month, day).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = u32::try_from(doy - (153 * mp + 2) / 5 + 1).unwrap_or(1);
    let m = u32::try_from(if mp < 10 { mp + 3 } else { mp - 9 }).unwrap_or(1);
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// What a cached token depends on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CacheKey {
    pub cluster: String,
    pub region: String,
    pub role_arn: Option<String>,
    pub profile: Option<String>,
    /// SHA-256 (hex) of `AWS_ACCESS_KEY_ID` when credentials come from the environment: it tells
    /// two sets of credentials apart without writing the key id to disk.
    pub access_key_hash: Option<String>,
}

/// SHA-256 of an access key id, hex: what the cache keeps instead of the id.
pub fn hash_access_key(access_key_id: &str) -> String {
    use sha2::Digest as _;
    sha2::Sha256::digest(access_key_id.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

impl CacheKey {
    /// The cache file name: readable prefix plus a stable 64-bit FNV-1a hash of the whole key.
    fn file_name(&self) -> String {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        let fields = [
            Some(self.cluster.as_str()),
            Some(self.region.as_str()),
            self.role_arn.as_deref(),
            self.profile.as_deref(),
            self.access_key_hash.as_deref(),
        ];
        for field in fields {
            let bytes = field.map_or(&b"\x00none"[..], str::as_bytes);
            for &b in bytes.iter().chain(b"\x1f") {
                h ^= u64::from(b);
                h = h.wrapping_mul(0x0100_0000_01b3);
            }
        }
        let safe: String = self
            .cluster
            .chars()
            .take(64)
            .map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c } else { '_' })
            .collect();
        format!("{safe}.{}.{h:016x}.json", self.region)
    }
}

#[derive(Debug, Serialize, Deserialize)]
struct CacheFile {
    key: CacheKey,
    token: String,
    /// Unix seconds.
    expires: u64,
}

/// The token cache directory.
#[derive(Debug, Clone)]
pub struct TokenCache {
    dir: PathBuf,
}

impl TokenCache {
    /// `$XDG_CACHE_HOME/eksup/tokens`, else `~/.cache/eksup/tokens`; `None` without either.
    pub fn locate() -> Option<Self> {
        let base = std::env::var_os("XDG_CACHE_HOME")
            .map(PathBuf::from)
            .filter(|p| p.is_absolute())
            .or_else(|| std::env::home_dir().map(|h| h.join(".cache")))?;
        Some(Self::at(base.join("eksup").join("tokens")))
    }

    pub fn at(dir: impl Into<PathBuf>) -> Self {
        Self { dir: dir.into() }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The cached credential for `key` if it has more than [`REFRESH_BEFORE`] left at `now`.
    /// Anything unexpected (missing, unreadable, corrupt, another key) is a miss.
    pub fn load(&self, key: &CacheKey, now: SystemTime) -> Option<ExecCredential> {
        let bytes = fs::read(self.dir.join(key.file_name())).ok()?;
        let file: CacheFile = serde_json::from_slice(&bytes).ok()?;
        if &file.key != key {
            return None;
        }
        let expiration = UNIX_EPOCH + Duration::from_secs(file.expires);
        let left = expiration.duration_since(now).ok()?;
        (left > REFRESH_BEFORE && left <= TOKEN_LIFETIME + REFRESH_BEFORE)
            .then_some(ExecCredential { token: file.token, expiration })
    }

    /// Store a credential (atomically, 0600). Errors are for the caller to ignore or report:
    /// a cache that cannot be written only costs speed.
    pub fn store(&self, key: &CacheKey, credential: &ExecCredential) -> anyhow::Result<()> {
        super::store::create_dir(&self.dir)?;
        let file = CacheFile {
            key: key.clone(),
            token: credential.token.clone(),
            expires: credential.expiration.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs()),
        };
        let bytes = serde_json::to_vec(&file)?;
        crate::fs::write_atomic(&self.dir.join(key.file_name()), &bytes, 0o600)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key() -> CacheKey {
        CacheKey {
            cluster: "demo".into(),
            region: "us-west-2".into(),
            role_arn: None,
            profile: Some("dev".into()),
            access_key_hash: None,
        }
    }

    #[test]
    fn rfc3339_formats_utc() {
        assert_eq!(rfc3339(UNIX_EPOCH), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(UNIX_EPOCH + Duration::from_secs(951_782_400)), "2000-02-29T00:00:00Z");
        assert_eq!(rfc3339(UNIX_EPOCH + Duration::from_secs(1_795_311_391)), "2026-11-22T01:36:31Z");
    }

    #[test]
    fn exec_credential_json_matches_aws_cli_shape() {
        let c = ExecCredential { token: "k8s-aws-v1.abc".into(), expiration: UNIX_EPOCH };
        assert_eq!(
            c.to_json(),
            r#"{"kind":"ExecCredential","apiVersion":"client.authentication.k8s.io/v1beta1","spec":{},"status":{"expirationTimestamp":"1970-01-01T00:00:00Z","token":"k8s-aws-v1.abc"}}"#
        );
    }

    #[test]
    fn cache_round_trip_and_expiry() {
        let dir = tempfile::tempdir().unwrap();
        let cache = TokenCache::at(dir.path().join("tokens"));
        let now = UNIX_EPOCH + Duration::from_secs(1_800_000_000);
        let cred = ExecCredential { token: "k8s-aws-v1.x".into(), expiration: now + TOKEN_LIFETIME };
        assert_eq!(cache.load(&key(), now), None);
        cache.store(&key(), &cred).unwrap();
        assert_eq!(cache.load(&key(), now), Some(cred.clone()));
        // Another profile, role or key id is another entry.
        let mut other = key();
        other.role_arn = Some("arn:aws:iam::1:role/r".into());
        assert_eq!(cache.load(&other, now), None);
        let mut other = key();
        other.access_key_hash = Some(hash_access_key("AKIAEXAMPLE"));
        assert_eq!(cache.load(&other, now), None);
        // The key id itself is never written.
        cache.store(&other, &cred).unwrap();
        for f in fs::read_dir(cache.dir()).unwrap() {
            let path = f.unwrap().path();
            assert!(!fs::read_to_string(&path).unwrap().contains("AKIAEXAMPLE"), "{}", path.display());
            assert!(!path.display().to_string().contains("AKIAEXAMPLE"));
        }
        // Shortly before expiry it is a miss.
        assert_eq!(cache.load(&key(), now + TOKEN_LIFETIME - REFRESH_BEFORE), None);
        assert!(cache.load(&key(), now + TOKEN_LIFETIME - REFRESH_BEFORE * 2).is_some());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let f = fs::read_dir(cache.dir()).unwrap().next().unwrap().unwrap();
            assert_eq!(f.metadata().unwrap().permissions().mode() & 0o777, 0o600);
        }
    }

    #[test]
    fn corrupt_cache_is_a_miss() {
        let dir = tempfile::tempdir().unwrap();
        let cache = TokenCache::at(dir.path());
        fs::write(dir.path().join(key().file_name()), b"{not json").unwrap();
        assert_eq!(cache.load(&key(), SystemTime::now()), None);
    }
}
