//! The AWS services eksctl's `iamIdentityMappings[].serviceName` lets into a namespace, as
//! `templates/rbac/*.json` describe them: the Kubernetes user the service's service-linked role
//! is mapped to, and the RBAC Role bound to that user.

use std::sync::LazyLock;

use serde::Deserialize;

/// A service `serviceName` can name.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Service {
    pub service: String,
    /// The Kubernetes user the service acts as.
    pub user: String,
    /// The name of the service's IAM service-linked role (made by the service itself).
    pub service_linked_role: String,
    /// The RBAC rules of its Role.
    pub rules: serde_json::Value,
}

static SERVICES: LazyLock<Vec<Service>> = LazyLock::new(|| {
    [include_str!("../../templates/rbac/emr-containers.json")]
        .iter()
        .map(|t| serde_json::from_str(t).expect("templates/rbac: a service's description"))
        .collect()
});

/// The names `serviceName` takes.
pub fn names() -> Vec<&'static str> {
    SERVICES.iter().map(|s| s.service.as_str()).collect()
}

/// The service named `name`.
pub fn service(name: &str) -> Option<&'static Service> {
    SERVICES.iter().find(|s| s.service == name)
}

impl Service {
    /// The Role and the RoleBinding (to [`Service::user`]) that let the service into a
    /// namespace, both named after the service.
    pub fn rbac(&self) -> Vec<serde_json::Value> {
        let name = &self.service;
        vec![
            serde_json::json!({
                "apiVersion": "rbac.authorization.k8s.io/v1",
                "kind": "Role",
                "metadata": { "name": name },
                "rules": self.rules,
            }),
            serde_json::json!({
                "apiVersion": "rbac.authorization.k8s.io/v1",
                "kind": "RoleBinding",
                "metadata": { "name": name },
                "roleRef": { "apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": name },
                "subjects": [{ "apiGroup": "rbac.authorization.k8s.io", "kind": "User", "name": self.user }],
            }),
        ]
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn emr_containers_is_described() {
        let emr = super::service("emr-containers").unwrap();
        assert_eq!(emr.user, "emr-containers");
        assert_eq!(emr.service_linked_role, "AWSServiceRoleForAmazonEMRContainers");
        let rbac = emr.rbac();
        assert_eq!(rbac[0]["kind"], "Role");
        assert!(rbac[0]["rules"].as_array().is_some_and(|r| r.len() == 9));
        assert_eq!(rbac[1]["subjects"][0]["name"], "emr-containers");
        assert_eq!(super::names(), ["emr-containers"]);
    }
}
