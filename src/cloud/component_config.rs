//! The control plane components' settings (`kubeAPIServerConfig`, `kubeSchedulerConfig`,
//! `kubeControllerManagerConfig`) as CreateCluster and UpdateClusterConfig take them and
//! DescribeCluster returns them.

use aws_sdk_eks::types::{
    Cluster, HorizontalPodAutoscalerControllerConfigRequest, KubeApiServerConfigRequest,
    KubeControllerManagerConfigRequest, KubeSchedulerConfigRequest, NodeResourcesFitConfig, ResourceWeight,
    ScoringStrategy, ScoringStrategyType, ServiceNodePortRange,
};

use crate::plan::ComponentConfigSpec;

/// The three requests, each `None` when the file sets nothing of that component (EKS leaves it
/// as it is).
pub(super) struct Requests {
    pub api_server: Option<KubeApiServerConfigRequest>,
    pub scheduler: Option<KubeSchedulerConfigRequest>,
    pub controller_manager: Option<KubeControllerManagerConfigRequest>,
}

pub(super) fn requests(spec: &ComponentConfigSpec) -> Requests {
    let api_server = (spec.event_ttl.is_some() || spec.node_port_range.is_some()).then(|| {
        KubeApiServerConfigRequest::builder()
            .set_event_ttl(spec.event_ttl.clone())
            .set_service_node_port_range(
                spec.node_port_range
                    .map(|(min, max)| ServiceNodePortRange::builder().min_port(min).max_port(max).build()),
            )
            .build()
    });
    let scheduler = (spec.scoring_type.is_some() || spec.scoring_resources.is_some()).then(|| {
        let resources = spec.scoring_resources.as_ref().map(|list| {
            list.iter()
                .map(|(name, weight)| ResourceWeight::builder().name(name).weight(*weight).build())
                .collect()
        });
        let strategy = ScoringStrategy::builder()
            .set_type(spec.scoring_type.as_deref().map(ScoringStrategyType::from))
            .set_resources(resources)
            .build();
        KubeSchedulerConfigRequest::builder()
            .node_resources_fit(NodeResourcesFitConfig::builder().scoring_strategy(strategy).build())
            .build()
    });
    let controller_manager = spec.hpa_sync_period.as_ref().map(|period| {
        KubeControllerManagerConfigRequest::builder()
            .horizontal_pod_autoscaler_controller_config(
                HorizontalPodAutoscalerControllerConfigRequest::builder()
                    .horizontal_pod_autoscaler_sync_period(period)
                    .build(),
            )
            .build()
    });
    Requests { api_server, scheduler, controller_manager }
}

/// What DescribeCluster shows of the components (`None` where it shows nothing).
pub(super) fn live(eks: &Cluster) -> ComponentConfigSpec {
    let api = eks.kube_api_server_config();
    let strategy =
        eks.kube_scheduler_config().and_then(|s| s.node_resources_fit()).and_then(|n| n.scoring_strategy());
    ComponentConfigSpec {
        event_ttl: api.and_then(|a| a.event_ttl()).map(str::to_string),
        node_port_range: api.and_then(|a| a.service_node_port_range()).map(|r| (r.min_port(), r.max_port())),
        scoring_type: strategy.and_then(|s| s.r#type()).map(|t| t.as_str().to_string()),
        scoring_resources: strategy.filter(|s| !s.resources().is_empty()).map(|s| {
            s.resources()
                .iter()
                .map(|r| (r.name().unwrap_or_default().to_string(), r.weight().unwrap_or_default()))
                .collect()
        }),
        hpa_sync_period: eks
            .kube_controller_manager_config()
            .and_then(|c| c.horizontal_pod_autoscaler_controller_config())
            .and_then(|h| h.horizontal_pod_autoscaler_sync_period())
            .map(str::to_string),
    }
}
