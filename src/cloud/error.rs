//! AWS failures as typed errors: the error code and message AWS returned, classified.

use std::time::Duration;

use aws_sdk_ec2::error::{ProvideErrorMetadata, SdkError};

/// A failed AWS call, or an answer that lacks what eksup needs.
#[derive(Debug, thiserror::Error)]
pub enum CloudError {
    /// AWS answered with an error (or could not be reached).
    #[error("{}", api_message(.operation, .code.as_deref(), .message.as_deref()))]
    Api {
        /// `CreateVpc`, `DescribeCluster`.
        operation: &'static str,
        /// The AWS error code, e.g. `DependencyViolation`; `None` when the answer had none (a
        /// transport failure, an endpoint that does not implement the operation).
        code: Option<String>,
        message: Option<String>,
        /// The HTTP status, when a response came back.
        status: Option<u16>,
    },
    /// AWS answered without a field eksup needs.
    #[error("`{operation}` returned no `{field}`")]
    MissingField { operation: &'static str, field: &'static str },
    /// A resource exists but differs from the plan in a way that cannot be changed in place.
    #[error("{what} exists but {difference}; it cannot be changed in place")]
    Drift { what: String, difference: String },
    /// A resource with the planned name exists but eksup did not create it for this cluster.
    #[error("{what} exists but is not owned by cluster `{cluster}` (no `{tag}={cluster}` tag)")]
    NotOwned { what: String, cluster: String, tag: &'static str },
    /// A resource ended in a failed state.
    #[error("{what} is `{status}`{}", .reason.as_deref().map(|r| format!(": {r}")).unwrap_or_default())]
    Failed { what: String, status: String, reason: Option<String> },
    /// A wait took longer than allowed.
    #[error("gave up waiting for {what} after {}s (last status `{status}`)", .waited.as_secs())]
    WaitTimeout { what: String, status: String, waited: Duration },
}

fn api_message(operation: &str, code: Option<&str>, message: Option<&str>) -> String {
    match (code, message) {
        (Some(code), Some(message)) => format!("`{operation}` failed: {code}: {message}"),
        (Some(code), None) => format!("`{operation}` failed: {code}"),
        (None, Some(message)) => format!("`{operation}` failed: {message}"),
        (None, None) => format!("`{operation}` failed"),
    }
}

/// How a failure should be treated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    NotFound,
    AlreadyExists,
    /// Something still depends on the resource (delete it later).
    DependencyViolation,
    /// The resource is busy (an update or another create/delete in progress).
    InUse,
    Throttled,
    AccessDenied,
    QuotaExceeded,
    /// The endpoint does not implement the operation (HTTP 404 without an error code).
    Unsupported,
    /// A 5xx or a transport failure.
    Transient,
    Other,
}

/// An error and its causes, each by its `Display` (`dispatch failure: io error: connection
/// refused`): never the `Debug` dump of the SDK's structures that `DisplayErrorContext` ends with.
pub fn causes(err: &(dyn std::error::Error + 'static)) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut next = Some(err);
    while let Some(e) = next {
        let text = e.to_string();
        if !text.is_empty() && parts.last() != Some(&text) {
            parts.push(text);
        }
        next = e.source();
    }
    parts.join(": ")
}

impl CloudError {
    /// Wrap an SDK error from `operation`.
    pub fn sdk<E, R>(operation: &'static str, err: SdkError<E, R>) -> Self
    where
        E: ProvideErrorMetadata + std::error::Error + Send + Sync + 'static,
        R: std::fmt::Debug + HttpStatus + 'static,
    {
        let status = err.raw_response().map(HttpStatus::status);
        let code = err.code().map(str::to_string);
        let message = err.message().map(str::to_string).or_else(|| match &err {
            SdkError::ServiceError(_) => None,
            other => Some(causes(other)),
        });
        Self::Api { operation, code, message, status }
    }

    pub fn code(&self) -> Option<&str> {
        match self {
            Self::Api { code, .. } => code.as_deref(),
            _ => None,
        }
    }

    pub fn message(&self) -> Option<&str> {
        match self {
            Self::Api { message, .. } => message.as_deref(),
            _ => None,
        }
    }

    pub fn kind(&self) -> ErrorKind {
        let Self::Api { code, status, .. } = self else { return ErrorKind::Other };
        let Some(code) = code.as_deref() else {
            return match status {
                Some(404) => ErrorKind::Unsupported,
                Some(s) if *s >= 500 => ErrorKind::Transient,
                None => ErrorKind::Transient,
                _ => ErrorKind::Other,
            };
        };
        classify(code)
    }

    pub fn is_not_found(&self) -> bool {
        self.kind() == ErrorKind::NotFound
    }

    /// Whether trying again later may succeed: throttling, 5xx, transport failures.
    pub fn is_retryable(&self) -> bool {
        matches!(self.kind(), ErrorKind::Throttled | ErrorKind::Transient)
    }
}

/// Classify an AWS error code.
pub fn classify(code: &str) -> ErrorKind {
    match code {
        "ResourceNotFoundException"
        | "NoSuchEntity"
        | "RepositoryNotFoundException"
        | "LifecyclePolicyNotFoundException"
        | "RepositoryPolicyNotFoundException"
        | "ParameterNotFound"
        | "NatGatewayNotFound"
        | "InvalidPlacementGroup.Unknown"
        // Service Quotas: a quota with no value applied to the account.
        | "NoSuchResourceException" => ErrorKind::NotFound,
        c if c.ends_with(".NotFound") || c.ends_with(".NotFoundException") || c.ends_with("NotFound") => {
            ErrorKind::NotFound
        }
        // `InvalidSubnet.Conflict`: the CIDR is taken (by the subnet a lost attempt made, or another).
        "EntityAlreadyExists"
        | "RepositoryAlreadyExistsException"
        | "AlreadyExistsException"
        | "InvalidSubnet.Conflict" => {
            ErrorKind::AlreadyExists
        }
        c if c.ends_with(".Duplicate") || c.ends_with("AlreadyExists") => ErrorKind::AlreadyExists,
        "DependencyViolation" | "DeleteConflict" => ErrorKind::DependencyViolation,
        "ResourceInUseException"
        | "ResourceInUse"
        | "ScalingActivityInProgress"
        | "InvalidPlacementGroup.InUse"
        | "IncorrectState"
        | "InvalidState" => ErrorKind::InUse,
        "Throttling"
        | "ThrottlingException"
        | "RequestLimitExceeded"
        | "TooManyRequestsException"
        | "RequestThrottled" => ErrorKind::Throttled,
        "AccessDenied" | "AccessDeniedException" | "UnauthorizedOperation" | "UnauthorizedAccess" => {
            ErrorKind::AccessDenied
        }
        "LimitExceeded"
        | "LimitExceededException"
        | "ResourceLimitExceeded"
        | "AddressLimitExceeded"
        | "VpcLimitExceeded"
        | "ServiceQuotaExceededException" => ErrorKind::QuotaExceeded,
        "InternalError"
        | "InternalFailure"
        | "ServiceUnavailable"
        | "ServerException"
        | "ServiceUnavailableException" => ErrorKind::Transient,
        _ => ErrorKind::Other,
    }
}

/// The HTTP status of a raw response (implemented for the SDK's response type).
pub trait HttpStatus {
    fn status(&self) -> u16;
}

impl HttpStatus for aws_sdk_ec2::config::http::HttpResponse {
    fn status(&self) -> u16 {
        self.status().as_u16()
    }
}

/// `?`-friendly wrapping: `client.x().send().await.api("X")?`.
pub trait ApiResult<T> {
    fn api(self, operation: &'static str) -> Result<T, CloudError>;
}

impl<T, E> ApiResult<T> for Result<T, SdkError<E, aws_sdk_ec2::config::http::HttpResponse>>
where
    E: ProvideErrorMetadata + std::error::Error + Send + Sync + 'static,
{
    fn api(self, operation: &'static str) -> Result<T, CloudError> {
        self.map_err(|e| CloudError::sdk(operation, e))
    }
}

/// Treat "not found" as `None`.
pub trait OrNotFound<T> {
    fn or_not_found(self) -> Result<Option<T>, CloudError>;
}

impl<T> OrNotFound<T> for Result<T, CloudError> {
    fn or_not_found(self) -> Result<Option<T>, CloudError> {
        match self {
            Ok(v) => Ok(Some(v)),
            Err(e) if e.is_not_found() => Ok(None),
            Err(e) => Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_classified() {
        assert_eq!(classify("InvalidVpcID.NotFound"), ErrorKind::NotFound);
        assert_eq!(classify("InvalidLaunchTemplateName.NotFoundException"), ErrorKind::NotFound);
        assert_eq!(classify("ResourceNotFoundException"), ErrorKind::NotFound);
        assert_eq!(classify("NoSuchEntity"), ErrorKind::NotFound);
        assert_eq!(classify("InvalidPermission.Duplicate"), ErrorKind::AlreadyExists);
        assert_eq!(classify("DependencyViolation"), ErrorKind::DependencyViolation);
        assert_eq!(classify("DeleteConflict"), ErrorKind::DependencyViolation);
        assert_eq!(classify("ResourceInUseException"), ErrorKind::InUse);
        assert_eq!(classify("InvalidPlacementGroup.InUse"), ErrorKind::InUse);
        assert_eq!(classify("InvalidPlacementGroup.Unknown"), ErrorKind::NotFound);
        assert_eq!(classify("Throttling"), ErrorKind::Throttled);
        assert_eq!(classify("UnauthorizedOperation"), ErrorKind::AccessDenied);
        assert_eq!(classify("InvalidParameterValue"), ErrorKind::Other);
    }

    #[test]
    fn errors_read_well() {
        let e = CloudError::Api {
            operation: "DeleteVpc",
            code: Some("DependencyViolation".into()),
            message: Some("has dependencies".into()),
            status: Some(400),
        };
        assert_eq!(e.to_string(), "`DeleteVpc` failed: DependencyViolation: has dependencies");
        assert_eq!(e.kind(), ErrorKind::DependencyViolation);
        assert!(!e.is_retryable());
        let e = CloudError::Api { operation: "CreateAddon", code: None, message: None, status: Some(404) };
        assert_eq!(e.kind(), ErrorKind::Unsupported);
        let e = CloudError::Failed {
            what: "nodegroup `ng-1`".into(),
            status: "CREATE_FAILED".into(),
            reason: Some("instances failed to join".into()),
        };
        assert_eq!(e.to_string(), "nodegroup `ng-1` is `CREATE_FAILED`: instances failed to join");
    }
}
