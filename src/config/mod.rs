//! The cluster config (in progress).

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct EcrRepository {
    pub name: String,
}
