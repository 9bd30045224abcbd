"""EKS extensions of eksup's moto emulator (installed by ``eksup_moto.install()``).

moto 5.2.5 implements 17 of the 70 EKS operations, creates every resource ACTIVE at once
and leaves out fields eksup reads. This module patches ``moto.eks`` so that it behaves like
AWS where eksup depends on it. Everything is class/module level; data lives on moto's
``Cluster`` objects (so it disappears with the cluster and with ``/moto-api/reset``).

What AWS does, and what is patched here:

* **Lifecycle states** (``lifecycle``): clusters, nodegroups, Fargate profiles and addons
  are CREATING for a while, then ACTIVE; delete returns DELETING and the resource is listed
  as DELETING until it is gone (then ResourceNotFoundException). Durations come from the
  ``MOTO_EKS_*_SECONDS`` knobs (default 0 = instant, but delete responses still say
  DELETING, as on AWS). Expired DELETING resources are swept before every EKS request.
* **Wrong-state errors**: creating a nodegroup/Fargate profile/addon on a cluster that is
  not ACTIVE -> InvalidRequestException; deleting a cluster that still has nodegroups or
  Fargate profiles -> ResourceInUseException; a second Fargate profile while one is
  CREATING/DELETING -> ResourceInUseException (AWS allows one at a time per cluster);
  deleting something already DELETING -> ResourceInUseException.
* **create-cluster fidelity**: subnets must exist, share a VPC and span >= 2 AZs; the
  ``securityGroupIds`` (at most 5) must exist in that VPC (InvalidParameterException; the
  security-group wordings are ours); ``resourcesVpcConfig`` gets ``vpcId``,
  ``clusterSecurityGroupId`` (a real EC2 security group ``eks-cluster-sg-<name>-<n>`` in
  that VPC, tagged like AWS, deleted with the cluster) and the endpoint access defaults;
  ``certificateAuthority.data`` is a real base64 PEM certificate; the OIDC issuer is unique
  per cluster and the endpoint is the cluster's own Kubernetes API (``https://127.0.0.1:<port>``,
  see ``eksup_moto_k8s``); ``accessConfig`` is stored (default CONFIG_MAP + bootstrap true);
  ``controlPlaneScalingConfig`` is stored (below).
* **Local Zones** (EKS user guide, "Launch low-latency EKS clusters with AWS Local Zones"; the zones
  are ``eksup_moto_zones``'s): the control plane "can't run in the Local Zone" and "you must not
  specify Local Zone subnets when you create your cluster" -> CreateCluster with a Local Zone subnet:
  ``UnsupportedAvailabilityZoneException`` (HTTP 400, with ``clusterName`` and ``validZones``, the
  region's Availability Zones) "Cannot create cluster '<name>' because <zone>, the targeted
  availability zone, does not currently have sufficient capacity to support the cluster. Retry and
  choose from these availability zones: us-west-2a, ..." (AWS's answer for a Local Zone subnet,
  hashicorp-education/learn-terraform-provision-eks-cluster#100, eksctl#7169); UpdateClusterConfig
  with such ``subnetIds``: ``InvalidParameterException`` with the same message (its API model has no
  UnsupportedAvailabilityZoneException; our choice). Fargate ("You can't create Fargate nodes in
  Local Zones"): CreateFargateProfile with a Local Zone subnet -> ``InvalidParameterException``
  "Fargate Profile creation for the Availability Zone <zone> for Subnet <id> is not supported" (AWS's
  refusal of a zone without Fargate, as eksctl's pkg/fargate/create.go matches it). Managed node
  groups may use Local Zone subnets (supported there, same page); one whose Auto Scaling group could
  not launch its instances (an instance type the Local Zone does not offer: a failed scaling activity,
  ``eksup_moto_asg`` rule 10) goes CREATE_FAILED when its creation ends, with the health issue
  ``AsgInstanceLaunchFailures`` "Could not launch On-Demand Instances. Unsupported - <EC2's message>
  Launching EC2 instance failed." naming the group (AWS's wording,
  dspace-group/dspace-reference-architecture-aws#85).
* **update-cluster-config** returns an ``update`` (moto returned the cluster), merges
  ``resourcesVpcConfig`` instead of replacing it, honours ``accessConfig`` and
  ``controlPlaneScalingConfig``; updates can be
  read back with describe-update / list-updates (nodegroup config updates too). AWS applies one
  kind of update per call: two of ``resourcesVpcConfig``, ``logging``, ``accessConfig`` and
  ``controlPlaneScalingConfig`` together -> InvalidParameterException "Only one type of update can
  be allowed." (AWS's message, as reported by the ACK EKS controller's e2e tests and other EKS
  clients; not in AWS's documentation), checked first. The ``ClusterLogging`` param of a
  LoggingUpdate is the whole ``logging`` object as compact JSON
  (``{"clusterLogging":[{"types":["api"],"enabled":true}]}``, the AWS CLI's documented example);
  every param value that is not a string is compact JSON. A cluster
  update is ``InProgress`` for ``MOTO_EKS_UPDATE_SECONDS`` (default 0: ``Successful`` at
  once), the cluster is ``UPDATING`` meanwhile, and another update-cluster-config is refused
  as AWS refuses it: ResourceInUseException "Cannot LoggingUpdate because cluster <name>
  currently has update <id> in progress". As on AWS, describe-update finds a node group's
  (add-on's) update only when given its ``nodegroupName`` (``addonName``), and a cluster's only
  without them (ResourceNotFoundException "No update found for ID: <id>"); list-updates lists
  the updates of the cluster, or of the node group / add-on named (which must exist).
* **update-cluster-version** (moto: HTTP 404). AWS upgrades the control plane one minor version
  at a time, asynchronously. Checked in this order: unknown cluster -> ResourceNotFoundException;
  the cluster's own update in progress -> ResourceInUseException "Cannot VersionUpdate because
  cluster <name> currently has update <id> in progress"; cluster not ACTIVE ->
  ResourceInUseException "Cluster <name> is currently <status> and cannot be updated."; a version
  outside SUPPORTED_VERSIONS -> InvalidParameterException "unsupported Kubernetes version <v>"
  (our wording); anything but the next minor (a skip, the same version, a downgrade) ->
  InvalidParameterException "Unsupported Kubernetes minor version update from 1.30 to 1.32"; a
  managed node group whose version is not the cluster's -> InvalidParameterException "Nodegroups
  <a>,<b> must be updated to match cluster version <v> before updating cluster version" (AWS's
  message; ``force`` does not override it); an upgrade insight (below) with status ERROR for
  that version, unless ``force`` -> InvalidStateException (HTTP 400, what AWS answers since March
  2025) "Upgrade readiness issues detected. Call the EKS ListInsights API to view upgrade
  blocking issues detected by EKS. Pass the force flag to override upgrade readiness errors and
  proceed with upgrade." followed by "Failing insights for Kubernetes <v>: <names>." (that
  sentence is ours). Effect: an update ``VersionUpdate`` with params Version and PlatformVersion
  ``eks.1`` (as AWS's answers show), InProgress for MOTO_EKS_UPDATE_SECONDS (0: Successful at
  once), the cluster UPDATING meanwhile; ``version`` (and ``platformVersion``, the newest of the
  new minor, PLATFORM_VERSIONS) change when the update becomes Successful (at the first read
  after the delay, or by a timer, so the Kubernetes API's /version moves on time too). A
  repeated request with the same ``clientRequestToken`` and the same parameters returns the same
  update in its current state (an SDK retry after a lost answer); the same token with other
  parameters is a new request (approximation; AWS does not document that case).
* **associate-encryption-config** (moto: HTTP 404). Secrets encryption turned on for an existing
  cluster: unknown cluster -> ResourceNotFoundException; an update in progress or a cluster not
  ACTIVE -> ResourceInUseException (as update-cluster-version); a cluster that already has an
  ``encryptionConfig`` -> InvalidRequestException (AWS turns encryption on once and never off or
  to another key; the wording is ours); anything but one entry (``resources``, deprecated by
  AWS, absent or ``[secrets]``) or a key that is
  not an enabled symmetric KMS key of the Region (moto's KMS) -> InvalidParameterException.
  Effect: an update ``AssociateEncryptionConfig`` (param ``EncryptionConfig``), InProgress for
  MOTO_EKS_UPDATE_SECONDS; the cluster's ``encryptionConfig`` is set when it is Successful.
  Idempotent per ``clientRequestToken`` as update-cluster-version.
* **Upgrade insights**: list-insights (filter categories / kubernetesVersions / statuses, each
  value checked against the enums -> InvalidParameterException; maxResults 1..100 / nextToken)
  and describe-insight (unknown id -> ResourceNotFoundException "No insight found for id: <id>",
  our wording); moto: HTTP 404. AWS refreshes insights about once a day; here they are computed
  on every call, all category UPGRADE_READINESS for the next minor version (the current one when
  it is the newest supported), with ids that do not change (uuid5 of the cluster ARN and the
  insight's name), ``lastTransitionTime`` = when the status (or version) last changed. Three of
  AWS's insights (names as AWS's; descriptions, reasons and recommendations are ours): "Kubelet
  version skew" (ERROR when a Kubernetes node's kubelet, from the Kubernetes side via
  NODE_VERSIONS, or a managed node group's ``version`` is more than 3 minors older than the next
  version, Kubernetes' skew policy since 1.28; resources: ``kubernetesResourceUri``
  /api/v1/nodes/<name> or the node group's ``arn``), "EKS add-on version compatibility" (ERROR
  when an installed add-on other than kube-proxy has a version whose ADDON_CATALOG range excludes
  the next version; resources: the add-on ARNs; ``categorySpecificSummary.addonCompatibilityDetails``
  lists the compatible versions), "kube-proxy version skew" (ERROR when the kube-proxy add-on's
  minor is more than 3 below the next version: its versions are per minor, one behind after an
  upgrade is expected). Otherwise PASSING. AWS has more (deprecated APIs, cluster health, ...).
* **describe-cluster-versions** (moto: HTTP 404): one entry per version, newest first:
  SUPPORTED_VERSIONS (1.28-1.35), plus 1.23-1.27 as UNSUPPORTED with ``includeAll`` (or a status
  filter asking for them). ``defaultVersion`` only for 1.34 (DEFAULT_VERSION, also the version of
  a cluster created without one; moto: 1.19), ``kubernetesPatchVersion`` (PATCH_RELEASES),
  ``defaultPlatformVersion``, ``status`` (the deprecated lowercase enum) and ``versionStatus``.
  The dates are a fictional calendar (RELEASE_DATES), consistent with EKS's policy of 14 months
  of standard then 12 of extended support, chosen so that every supported version is supported
  on SUPPORT_AS_OF (2026-11-27): 1.28-1.31 EXTENDED_SUPPORT, 1.32-1.35 STANDARD_SUPPORT. The
  statuses are that fixed snapshot, not computed from the clock (approximation). Filters:
  clusterType (only "eks" has versions), defaultOnly, includeAll, clusterVersions,
  versionStatus, status (bad enum values -> InvalidParameterException), maxResults/nextToken.
* **update-nodegroup-version** (moto: HTTP 404): AWS's rolling update of a managed node group.
  Checked in this order: unknown node group -> ResourceNotFoundException "No node group found
  for name: <ng>."; a node group update in progress -> ResourceInUseException "Cannot
  VersionUpdate because nodegroup <ng> currently has update <id> in progress" (update-nodegroup-
  config is refused the same way meanwhile); node group not ACTIVE -> ResourceInUseException;
  ``version`` newer than the cluster's, or older than the node group's (no roll back) ->
  InvalidParameterException; ``version`` / ``releaseVersion`` for a CUSTOM-AMI node group (its
  launch template has an image) -> InvalidParameterException "You cannot specify the field
  kubernetesVersion when using custom AMIs" / "... releaseVersion ..."; a ``launchTemplate`` for
  a node group created without one, or naming another template, or a version of it that does
  not exist, or (non-custom group) a version with an image -> InvalidParameterException; a
  ``releaseVersion`` other than the AMI release of the target version ->
  InvalidParameterException "Requested release version <r> is not valid for kubernetes version
  <v>." (messages other than those quoted from AWS's documentation are ours). Without
  ``version`` the node group keeps its Kubernetes version and gets its latest AMI (as the
  operation's documentation says; the request field's documentation says the cluster's version).
  Effect: an update ``VersionUpdate`` of the node group (params Version, ReleaseVersion; for a
  custom AMI none; LaunchTemplateName/LaunchTemplateVersion when a template was given), InProgress
  (also with no delay: the response says so), the node group UPDATING; at once the EKS launch
  template ``eks-<uuid>`` gets a new (default) version with the new image (the AMI type's SSM
  parameter for the target version, or the image of the user's template version, whose user data,
  key, metadata options and block devices are copied too) and the Auto Scaling group launches as
  many new instances from it as it has (surge; maxSize raised if needed). After
  max(MOTO_EKS_NODEGROUP_UPDATE_SECONDS, MOTO_K8S_NODE_JOIN_SECONDS) the outcome is decided once
  (at the first read of the update or node group status, or by a timer; under the same lock as
  NodeCreationFailure): a new instance that is not a Ready node -> Failed with NodeCreationFailure
  "Instances failed to join the kubernetes cluster"; else the old nodes are cordoned and drained
  through NODEGROUP_DRAIN (pods other than DaemonSet and mirror pods evicted with the
  PodDisruptionBudget rule of the eviction API); a refused eviction without ``force`` -> Failed
  with ``[{errorCode: PodEvictionFailure, errorMessage: "Reached max retries while trying to
  evict pods from nodes in node group <ng>", resourceIds: [node names]}]``. On failure the surge
  instances are terminated, the group gets its size and launch template version back, the old
  nodes are uncordoned and the node group stays ACTIVE at its old version and release
  (approximation: AWS retries evictions for up to 15 minutes and its cleanup after a failed
  update is not documented). Otherwise (``force`` deletes the pods that cannot be evicted) the old
  instances terminate, the group's desired/max sizes are back to what they were, and
  ``version``, ``releaseVersion`` (and ``launchTemplate.version``) take the new values: Successful.
  A repeated request with the same ``clientRequestToken`` returns the same update, as above.
* **Control plane scaling tiers** (EKS Provisioned Control Plane; moto: no such field). A cluster's
  ``controlPlaneScalingConfig`` is ``{"tier": "standard"}`` unless CreateCluster asked for another
  tier (DescribeCluster of a cluster created without one shows ``{"tier": "standard"}`` on AWS; the
  user guide: "All existing and new Amazon EKS clusters operate in Standard mode by default",
  https://docs.aws.amazon.com/eks/latest/userguide/eks-provisioned-control-plane.html). ``tier``
  must be in the API's ProvisionedControlPlaneTier enum (standard, tier-xl, tier-2xl, tier-4xl,
  tier-8xl; botocore does not check enums) -> otherwise InvalidParameterException "1 validation
  error detected: Value '<t>' at 'controlPlaneScalingConfig.tier' failed to satisfy constraint:
  Member must satisfy enum value set: [...]" (wording ours, modelled on AWS's validation
  errors). CreateCluster with ``{}`` gets standard; UpdateClusterConfig with no ``tier`` ->
  InvalidParameterException "controlPlaneScalingConfig.tier is required" (ours). UpdateClusterConfig
  with a tier records an update of type ``ControlPlaneScalingConfigUpdate`` (the API's UpdateType
  enum; the user guide's examples call it ``ScalingTierConfigUpdate``, which is not in the enum)
  with params ``[{"type": "UpdatedTier", "value": <new>}, {"type": "PreviousTier", "value":
  <old>}]`` (the user guide's example, in that order); InProgress for MOTO_EKS_UPDATE_SECONDS
  (0: Successful at once), the cluster UPDATING meanwhile and on the new tier when it is
  Successful. The same tier again is accepted (AWS: "There are no restrictions on how frequently
  you can switch between tiers"; what AWS answers to a no-op change is not documented).
  Provisioned tiers need Kubernetes 1.28 or later ("Provisioned Control Plane works on EKS v1.28
  and higher"): every version the emulator accepts (SUPPORTED_VERSIONS) is, so there is no check.
* **Control plane logs**: when a cluster has a log type enabled (CreateCluster's
  ``logging.clusterLogging[].enabled`` with types, or a LoggingUpdate), EKS sends the logs to the
  log group ``/aws/eks/<cluster>/cluster`` in CloudWatch Logs of the same account and Region
  (name format: https://docs.aws.amazon.com/eks/latest/userguide/control-plane-logs.html), creating
  it when it does not exist (an existing one, and its retention, is kept). Here it is created in
  moto's logs backend (no tags, no retention: "Never expire") when the cluster becomes ACTIVE
  (after MOTO_EKS_CLUSTER_CREATE_SECONDS, by a timer) or when the LoggingUpdate is Successful, so
  a PutRetentionPolicy sent before then fails with ResourceNotFoundException, as eksctl's ordering
  (retention set after the cluster is ACTIVE / the logging update is done, ``pkg/eks/tasks.go``,
  ``pkg/eks/update.go``) expects. Deleting the cluster leaves the log group (AWS does not delete
  it: CloudTrail shows the cluster's service-linked role creating it, and it outlives the cluster,
  terraform-aws-modules/terraform-aws-eks issues 920, 2486 and 2763, cloudposse/terraform-aws-eks-cluster
  issue 67; AWS's documentation does not say so in words, and eksctl never deletes it). Turning
  logging off leaves it too. Approximation: AWS re-creates a group deleted while logging is on the
  next time the control plane ships logs; here only the next CreateCluster/LoggingUpdate that
  turns logging on does. The retention periods CloudWatch accepts: ``eksup_moto_logs``.
* **Versions of new resources**: a cluster gets the newest platform version of its minor
  (moto: eks.4 for all); a managed node group's ``releaseVersion`` is its AMI's release
  (``<k8s patch>-<AMI date>``, the Bottlerocket version, or for a custom AMI the AMI id, as AWS
  documents; moto: 1.19.8-20210414). Managed nodes report the kubelet of their AMI. A node
  group keeps its ``updateConfig`` (default ``{"maxUnavailable": 1}``, as AWS answers; moto
  dropped it).
* **Node auto repair** (``nodeRepairConfig``; moto dropped it at CreateNodegroup): kept and
  returned by CreateNodegroup, DescribeNodegroup and UpdateNodegroupConfig (which replaces it with
  the one given). Default ``{"enabled": false}`` (AWS: "Node auto repair is disabled by default",
  API_NodeRepairConfig; a real DescribeNodegroup of a node group created without one shows
  ``"nodeRepairConfig": {"enabled": false}``); one given is returned as given, with ``enabled``
  false when absent (approximation), e.g. ``{"enabled": true, "maxUnhealthyNodeThresholdPercentage":
  20, "maxParallelNodesRepairedPercentage": 15}`` as eksctl's PR 8512 shows AWS answering. Checked
  before anything is created or changed, as the API reference documents
  (https://docs.aws.amazon.com/eks/latest/APIReference/API_NodeRepairConfig.html,
  API_NodeRepairConfigOverrides.html), each refusal an InvalidParameterException whose wording is
  ours (AWS's is not published): ``maxUnhealthyNodeThresholdCount`` with
  ``maxUnhealthyNodeThresholdPercentage``, or ``maxParallelNodesRepairedCount`` with
  ``maxParallelNodesRepairedPercentage`` ("When using this, you cannot also set ... at the same
  time") -> "You cannot specify both <count> and <percentage> in nodeRepairConfig."; a count below 1
  (NonZeroInteger) or a percentage outside 1..100 (PercentCapacity; botocore checks only the
  minimum) -> "1 validation error detected: Value '<v>' at 'nodeRepairConfig.<field>' failed to
  satisfy constraint: Member must have value greater than or equal to 1" (or "less than or equal
  to 100"); a ``nodeRepairConfigOverrides`` entry without all four of nodeMonitoringCondition,
  nodeUnhealthyReason, minRepairWaitTimeMins and repairAction ("If you use this, you must specify
  all the values") -> "Each nodeRepairConfigOverrides entry must specify ...; entry <n> lacks
  <fields>."; ``minRepairWaitTimeMins`` below 1; a ``repairAction`` outside the RepairAction enum
  (Replace, Reboot, NoAction; eksctl's user docs show Terminate/Restart, which the API does not
  have) -> "... Member must satisfy enum value set: [Replace, Reboot, NoAction]"; non-boolean
  ``enabled``, non-integer numbers. UpdateNodegroupConfig records a ``ConfigUpdate`` whose params
  are AWS's (the AWS CLI's documented examples): LabelsToAdd, LabelsToRemove, TaintsToAdd,
  TaintsToRemove (JSON), MinSize, MaxSize, DesiredSize, MaxUnavailable, MaxUnavailablePercentage,
  UpdateStrategy (moto: Labels/Taints/ScalingConfig/UpdateConfig, not in the UpdateParamType
  enum), and for the repair configuration one ``NodeRepairConfig`` param with the configuration
  given as compact JSON (the enum's member; which of it and NodeRepairEnabled AWS lists is not
  documented: approximation).
* **list-nodegroups / list-fargate-profiles** of an unknown cluster ->
  ResourceNotFoundException (moto: HTTP 500).
* **Missing operations** (moto: HTTP 404 HTML): addons (create, describe, list, update,
  delete, describe-addon-versions from a small catalog, filtered by ``types``, ``owners`` and
  ``publishers``, each add-on with its ``defaultNamespace``; CreateAddon's
  ``namespaceConfig.namespace`` checked as the API reference has it (1 to 63 characters, an
  RFC 1123 label: InvalidParameterException), shown by DescribeAddon and, as the user guide's
  "Custom namespace for add-ons" says, kept for the add-on's life: UpdateAddon takes none),
  access entries (create, describe,
  list, update, delete), access policies (list-access-policies, associate, disassociate,
  list-associated-access-policies), EKS Pod Identity associations and OIDC identity provider
  configs (below). Access entries
  require authenticationMode API or API_AND_CONFIG_MAP (InvalidRequestException otherwise), as
  on AWS.
* **EKS Hybrid Nodes' remote networks** at CreateCluster: at most one ``remoteNodeNetworks`` and one
  ``remotePodNetworks`` entry (pods need nodes), IPv4 CIDRs inside RFC 1918 or CGNAT
  (100.64.0.0/10) that overlap neither each other, nor the VPC's CIDR blocks, nor the service range,
  and an authenticationMode with the access entry API (InvalidParameterException, wording ours,
  after AWS's user guide). An access entry of type HYBRID_LINUX needs the cluster's remote node
  networks (ours).
* **EKS Auto Mode** at CreateCluster (moto drops its configs): ``computeConfig.enabled``,
  ``storageConfig.blockStorage.enabled`` and ``kubernetesNetworkConfig.elasticLoadBalancing.enabled``
  all on or all off, else InvalidParameterException "For EKS Auto Mode, please ensure that all
  required configs, including computeConfig, kubernetesNetworkConfig, and blockStorage are all
  either fully enabled or fully disabled." (AWS's, cluster-api-provider-aws issue 5278); on, it
  needs ``bootstrapSelfManagedAddons`` false, authenticationMode API or API_AND_CONFIG_MAP,
  Kubernetes 1.29 or later, ``nodePools`` of ``general-purpose``/``system`` (no repeats) with a
  ``nodeRoleArn`` that exists, has propagated and lets EC2 assume it, and a node role only with
  pools (InvalidParameterException, wording ours). The three configs are read back by
  DescribeCluster, and the node role gets EKS's access entry (type EC2, AmazonEKSAutoNodePolicy,
  untagged), as AWS's user guide says. Not modelled: Auto Mode's nodes (none is ever launched,
  pending pods stay pending), UpdateClusterConfig of the three configs.
* **EKS Pod Identity associations** (create, describe, list, update, delete; moto: HTTP 404):
  kept on the cluster, so they go with it (a new cluster of the same name has none). An
  association has ``associationId`` ``a-`` + 17 lowercase letters/digits and ``associationArn``
  ``arn:<partition>:eks:<region>:<account>:podidentityassociation/<cluster>/<id>`` (as AWS's);
  ``disableSessionTags`` (default false), ``tags``, ``createdAt``/``modifiedAt``, and when set
  ``targetRoleArn`` with an ``externalId`` (a uuid, kept for the association) and ``policy``; no
  ``ownerArn`` (only an add-on's own associations have one: see ``eksup_moto_addon_identity``). Checked at create, in this order: unknown
  cluster -> ResourceNotFoundException "No cluster found for name: <c>."; then
  InvalidParameterException for a missing namespace/serviceAccount/roleArn ("1 validation error
  detected: Value null at '<field>' failed to satisfy constraint: Member must not be null"), a
  namespace that is not a DNS-1123 label (<= 63) or a service account that is not a DNS-1123
  subdomain (<= 253) (wording ours, after Kubernetes'), a ``roleArn`` of another account or empty
  -> "Cross-account pass role is not allowed" (AWS's, eksctl issue 8718) or not an IAM role ARN of
  the partition (ours), a ``targetRoleArn`` (any account; not looked up) that is not an IAM role
  ARN (ours), a ``policy`` that is not a JSON object (ours) or given without
  ``disableSessionTags`` true -> "When using this policy, disableSessionTags must be set to true"
  (the API reference's sentence), tags (more than 50, a key of more than 128 or a value of more
  than 256 characters, a key starting with ``aws:`` in any case; ours); a cluster that is not
  ACTIVE or UPDATING -> InvalidRequestException "Cluster '<c>' is not in ACTIVE status" (ours, as
  create-addon); an association of the same namespace and service account ->
  ResourceInUseException "Association already exists: <id>" (AWS's, crossplane-contrib
  provider-upjet-aws issue 1437); then the role in IAM, gated as ``eksup_moto_strict``'s EKS role
  checks (EKSUP_MOTO_EKS_ROLE_CHECKS, EKSUP_MOTO_LENIENT): a role that does not exist, or younger
  (created or its trust policy changed) than MOTO_IAM_ROLE_PROPAGATION_SECONDS ->
  InvalidParameterException "Role provided in the request does not exist" (AWS's; terraform
  retries it while IAM propagates, terraform-provider-aws PR 34717); a trust policy that does not
  Allow service ``pods.eks.amazonaws.com`` both ``sts:AssumeRole`` and ``sts:TagSession``
  (wildcards such as ``sts:*`` count; statements may be separate) -> "Trust policy of the role
  provided is invalid" (AWS's, terraform-provider-aws issue 41483). Describe/update/delete: an id
  that is not 19 characters long -> InvalidParameterException "The parameter associationId should
  be 19 characters long." (AWS's, aws-samples/eks-workshop-v2 issue 882); an unknown one ->
  ResourceNotFoundException "The specified association id could not be found: <id>" (ours).
  list: filters ``namespace``/``serviceAccount`` (exact), maxResults 1..100, nextToken. update
  changes ``roleArn``, ``targetRoleArn``, ``disableSessionTags``, ``policy`` (an omitted one is
  kept; an empty targetRoleArn or policy removes it, as eksup and the ACK controller send it) with
  the same checks (the role is looked up whenever ``roleArn`` is given; the policy rule applies to
  the result); one that changes nothing -> InvalidParameterException "No change requested for
  association <id>: ..." (ours; AWS: "You must change at least one of these in an update"), except
  a request repeated with the ``clientRequestToken`` of an update already made, which answers the
  association as it is; ``modifiedAt`` moves. delete answers the deleted association.
* **OIDC identity provider configs** (associate, describe, list, disassociate; moto: HTTP 404):
  kept on the cluster, so they go with it (and with ``/moto-api/reset``; a new cluster of the same
  name has none). A config has ``identityProviderConfigArn``
  ``arn:<partition>:eks:<region>:<account>:identityproviderconfig/<cluster>/oidc/<name>/<uuid>`` (as
  AWS's), ``usernameClaim`` ``sub`` unless given (AWS's default), ``requiredClaims`` and ``tags``
  always (``{}`` when none, as a real DescribeIdentityProviderConfig shows), the prefixes and
  ``groupsClaim`` only when given. Association and disassociation are cluster updates, as on AWS:
  the answer is an update (``AssociateIdentityProviderConfig`` with params
  ``[{"type": "IdentityProviderConfig", "value": "[{\"type\":\"oidc\",\"name\":\"<name>\"}]"}]``
  and ``tags``; ``DisassociateIdentityProviderConfig`` with value ``"[]"``, the AWS CLI's documented
  examples), always ``InProgress`` in the answer; the config is CREATING (DELETING) for
  MOTO_EKS_IDENTITY_PROVIDER_CREATE_SECONDS (..._DELETE_SECONDS), then ACTIVE (gone) and the update
  Successful (default 0: from the next read on). Meanwhile it is the cluster's update in progress:
  the cluster is UPDATING, describe-update / list-updates show it, and every other cluster update
  (update-cluster-config/-version, associate-encryption-config, another association or
  disassociation) gets ResourceInUseException "Cannot <type> because cluster <c> currently has
  update <id> in progress" (AWS's, elastic/cloudbeat issue 3093). Associate is checked in this
  order: unknown cluster -> ResourceNotFoundException; a repeated request (same
  ``clientRequestToken`` and parameters) -> the original update as it is now; InvalidParameterException
  for a missing ``oidc`` / ``identityProviderConfigName`` / ``issuerUrl`` / ``clientId`` ("1
  validation error detected: Value null at 'oidc.clientId' failed to satisfy constraint: Member must
  not be null") or an empty one, an ``issuerUrl`` that does not begin with ``https://`` or has a
  query ("path components are allowed but query parameters are not"), a ``usernamePrefix`` /
  ``groupsPrefix`` that contains ``system:`` ("The prefix can't contain system:"), more than 10
  ``requiredClaims`` or a key not of 1..63 / a value not of 1..253 characters (the API reference's
  lengths), tags as for pod identity associations (these wordings are ours), and the cluster's own
  OIDC issuer -> "Incorrect Identity Provider URL configuration. The Identity Provider URL cannot be
  same as OpenID Connect (OIDC) issuer URL" (AWS's, terraform-aws-modules/terraform-aws-eks issue
  3328); a config of the same name that is not being disassociated -> ResourceInUseException
  "Identity provider config <name> already exists for cluster <c>" (ours); another one ->
  InvalidRequestException "An identity provider config already exists for cluster <c>: <name>. A
  cluster can have one OIDC identity provider config." (ours; AWS's user guide: "You can associate
  one OIDC identity provider to your cluster"); then the update in progress (ResourceInUseException)
  and a cluster not ACTIVE (InvalidRequestException "Cluster '<c>' is not in ACTIVE status", as
  create-addon). Describe and disassociate: ``identityProviderConfig`` type other than ``oidc`` (or
  a missing type/name) -> InvalidParameterException (ours); an unknown name -> ResourceNotFoundException
  "No config found for cluster: <c>, config type: oidc, config name: <name>" (AWS's, eksctl issue
  6293). Disassociating a config still CREATING -> InvalidRequestException "Identity provider
  config is not associated with cluster <c>" (AWS's answer when the association has not ended,
  terraform-provider-aws's identity_provider_config.go); then the update in progress and the
  cluster's status as for associate; a repeated request with its token -> the same update. list:
  CREATING and DELETING configs included, ``[{"type": "oidc", "name": ...}]``, maxResults 1..100 /
  nextToken. An association whose issuer EKS cannot reach (a host under ``.invalid``, RFC 6761's
  name that never resolves, or listed in ``EKSUP_MOTO_UNREACHABLE_ISSUERS``, comma-separated
  hosts) fails when its update ends: the update ``Failed`` with an error (``Unknown``, "Unable to
  reach the OIDC issuer <url>": our wording, UNVERIFIED) and the config gone, as AWS removes a
  config whose association failed (crossplane-contrib/provider-aws issue 1422: Describe answers
  not found afterwards). Not modelled: the Kubernetes API does not authenticate the provider's
  tokens.
* **Tags** on nodegroup, Fargate profile, addon, access-entry, pod identity association and
  identity provider config ARNs (moto: clusters only).
* **Idempotency tokens** (``clientRequestToken``; the SDKs fill it in with a fresh UUID per call
  and resend the same one on their retries): CreateCluster, CreateNodegroup, CreateFargateProfile,
  CreateAddon, CreateAccessEntry and CreatePodIdentityAssociation. A repeated request with the
  token that created the resource and the same parameters answers 200 with the existing resource
  (its current state: AWS's idempotent replies may carry updated information such as the
  status), so an SDK retry after a lost answer does not fail with ResourceInUseException. A different token, no token, or the same token with
  other parameters: ResourceInUseException as before (EKS has no IdempotentParameterMismatch
  error; approximation). The token is kept on the resource (``_eksup_create``), so it is
  forgotten with it; a token is matched against the resource of the same name only (for a pod
  identity association: of the same namespace and service account; moto 5.2.5 did none of this:
  it stored ``clientRequestToken`` and answered ResourceInUseException).
* **Managed nodegroups launch instances** (moto launched none and named an ASG that did not
  exist): create-nodegroup makes a launch template ``eks-<uuid>`` (image from the launch
  template, else the AMI type's public SSM parameter for the nodegroup's version; instance type
  from ``instanceTypes``, else the template's; the template's security groups, else the cluster
  security group; its user data, key and metadata options) and a real Auto Scaling group
  ``eks-<nodegroup>-<uuid>`` (``resources.autoScalingGroups``, tags eks:cluster-name,
  eks:nodegroup-name, kubernetes.io/cluster/<name>=owned, cluster-autoscaler tags) that launches
  desiredSize instances spread over the nodegroup's subnets. update-nodegroup-config scaling
  resizes the group; delete-nodegroup deletes it (instances terminate) and the template.
  Subnets must exist in the cluster's VPC and 0 <= min <= desired <= max, max >= 1
  (InvalidParameterException; moto accepted min > max). ``health`` is per nodegroup (moto shared
  one dict). ``remoteAccessSecurityGroup`` only when remoteAccess was requested; ``remoteAccess``
  itself only then (moto showed a made-up ``eksKeypair``), and no ``diskSize`` for a group with a
  launch template (moto showed 20).
* **NodeCreationFailure**: a managed nodegroup is CREATING for MOTO_EKS_NODEGROUP_CREATE_SECONDS
  (or MOTO_K8S_NODE_JOIN_SECONDS if longer; the CreateNodegroup response always says CREATING).
  When that ends (a timer; with 0 s at the first describe) its outcome is decided once from the
  state at that moment (unless the cluster's vpc-cni or kube-proxy add-on is still CREATING: AWS
  waits for the nodes much longer than an add-on takes, so the nodegroup stays CREATING and is
  decided at the first describe after they are done): ACTIVE if every instance is a Ready
  Kubernetes node, else CREATE_FAILED
  with ``health.issues`` ``[{"code": "NodeCreationFailure", "message": "Instances failed to join
  the kubernetes cluster", "resourceIds": [instance ids]}]``, as AWS does. The join rules live
  in ``eksup_moto_k8s`` (``NODEGROUP_JOIN_CHECK``).
* **Service CIDR default**: without ``kubernetesNetworkConfig.serviceIpv4Cidr`` the cluster gets
  172.20.0.0/16 when its VPC is inside 10.0.0.0/8, else 10.100.0.0/16 (AWS's rule; moto always
  said 172.20.0.0/16); ``ipFamily`` ipv4. ``ipFamily: ipv6`` (its checks, ``serviceIpv6Cidr``, the
  ``Ec2SubnetMissingIpv6Assignment`` node group issue through ``NODEGROUP_ISSUES``) is
  ``eksup_moto_ipv6``'s.
* **Hooks for the Kubernetes side** (``HOOKS``, ``STATUS_HOOKS``, ``NODEGROUP_JOIN_CHECK``,
  ``NODE_VERSIONS``, ``NODEGROUP_DRAIN``; ``NODEGROUP_ISSUES`` for other modules): the
  cluster CA key is kept on the cluster (``_eksup_ca``) so that ``eksup_moto_k8s`` serves the
  cluster's API with a certificate it signed and puts its address in ``endpoint``; cluster
  create/delete/gone and ``/moto-api/reset`` start and stop that server; the coredns addon's
  status comes from there (CREATING until a node is Ready); the kubelet versions of the upgrade
  insight and the drain of a rolling update are done there.

Knobs (environment, read at start): ``MOTO_EKS_{CLUSTER,NODEGROUP,FARGATE,ADDON}_{CREATE,DELETE}_SECONDS``,
``MOTO_EKS_UPDATE_SECONDS`` (cluster updates, including version updates),
``MOTO_EKS_IDENTITY_PROVIDER_{CREATE,DELETE}_SECONDS`` (how long an identity provider config's
association / disassociation update is InProgress, the config CREATING / DELETING),
``MOTO_EKS_NODEGROUP_UPDATE_SECONDS`` (update-nodegroup-version; at least
``MOTO_K8S_NODE_JOIN_SECONDS``); all default to 0.
"""

from __future__ import annotations

import base64
import copy
import datetime
import json
import os
import re
import threading
import traceback
import uuid
from typing import Any, Callable

from moto.core.base_backend import BaseBackend
from moto.core.responses import ActionResult, BaseResponse, EmptyResult
from moto.core.utils import utcnow
from moto.eks import models as eks_models
from moto.eks import urls as eks_urls
from moto.eks.exceptions import (
    EKSError,
    InvalidParameterException,
    InvalidRequestException,
    ResourceInUseException,
    ResourceNotFoundException,
)
from moto.eks.models import Cluster, EKSBackend, FargateProfile, Nodegroup, paginated_list
from moto.eks.responses import EKSResponse


def _seconds(name: str) -> float:
    return float(os.environ.get(name) or 0)


DELAYS = {
    "cluster": (_seconds("MOTO_EKS_CLUSTER_CREATE_SECONDS"), _seconds("MOTO_EKS_CLUSTER_DELETE_SECONDS")),
    "nodegroup": (_seconds("MOTO_EKS_NODEGROUP_CREATE_SECONDS"), _seconds("MOTO_EKS_NODEGROUP_DELETE_SECONDS")),
    "fargate": (_seconds("MOTO_EKS_FARGATE_CREATE_SECONDS"), _seconds("MOTO_EKS_FARGATE_DELETE_SECONDS")),
    "addon": (_seconds("MOTO_EKS_ADDON_CREATE_SECONDS"), _seconds("MOTO_EKS_ADDON_DELETE_SECONDS")),
    # OIDC identity provider configs: how long an association (disassociation) update is InProgress.
    "identityprovider": (_seconds("MOTO_EKS_IDENTITY_PROVIDER_CREATE_SECONDS"), _seconds("MOTO_EKS_IDENTITY_PROVIDER_DELETE_SECONDS")),
}


def _age(since: datetime.datetime) -> float:
    return (utcnow() - since).total_seconds()


def _not_found(message: str) -> ResourceNotFoundException:
    return ResourceNotFoundException(clusterName=None, nodegroupName=None, fargateProfileName=None, addonName=None, message=message)


def _in_use(message: str) -> ResourceInUseException:
    return ResourceInUseException(clusterName=None, nodegroupName=None, addonName=None, message=message)


def _invalid_parameter(message: str) -> InvalidParameterException:
    return InvalidParameterException(clusterName=None, nodegroupName=None, fargateProfileName=None, addonName=None, message=message)


class UnsupportedAvailabilityZoneException(EKSError):
    """AWS's CreateCluster refusal of a subnet in a zone EKS does not run in (API model error shape:
    message, clusterName, validZones)."""

    TYPE = "UnsupportedAvailabilityZoneException"
    STATUS = 400


def _zone_type(ec2: Any, zone_name: str) -> str:
    zone = ec2.get_zone_by_name(zone_name)
    return getattr(zone, "zone_type", None) or "availability-zone"


def _regular_zones(ec2: Any) -> list[str]:
    """The region's Availability Zones (not Local Zones), by name."""
    return sorted(z.name for z in ec2.describe_availability_zones() if getattr(z, "zone_type", "availability-zone") == "availability-zone")


def _control_plane_zone_refusal(backend: EKSBackend, cluster_name: str, subnet_ids: list[str]) -> tuple[str, list[str]] | None:
    """(message, valid zones) when a subnet is in a Local Zone: the EKS user guide ("Launch low-latency EKS
    clusters with AWS Local Zones"): EKS can't place network interfaces into Local Zone subnets, "you must
    not specify Local Zone subnets when you create your cluster"."""
    ec2 = _ec2(backend)
    for subnet_id in subnet_ids:
        try:
            zone = ec2.get_subnet(subnet_id).availability_zone
        except Exception:
            continue
        if _zone_type(ec2, zone) != "availability-zone":
            valid = _regular_zones(ec2)
            return (f"Cannot create cluster '{cluster_name}' because {zone}, the targeted availability zone, does not currently "
                    f"have sufficient capacity to support the cluster. Retry and choose from these availability zones: "
                    f"{', '.join(valid)}", valid)
    return None


# ---------------------------------------------------------------------------------------
# Lifecycle: a `status` property computed from created_at / deleting_since.
# ---------------------------------------------------------------------------------------
# Hooks for eksup_moto_k8s (the Kubernetes side), so that this module does not import it.
#   HOOKS[event]: callables run on cluster_created(backend, cluster),
#     cluster_deleting(backend, cluster), cluster_gone(backend, cluster), backend_reset(backend).
#   STATUS_HOOKS[kind](obj, status) -> status: may override the lifecycle status of a
#     nodegroup/addon (e.g. coredns stays CREATING while no node is Ready).
#   NODEGROUP_JOIN_CHECK(nodegroup) -> [instance ids that did not become Ready nodes].
HOOKS: dict[str, list[Callable[..., Any]]] = {"cluster_created": [], "cluster_deleting": [], "cluster_gone": [], "backend_reset": []}
STATUS_HOOKS: dict[str, Callable[[Any, str], str]] = {}
NODEGROUP_JOIN_CHECK: list[Callable[[Any], list[str]]] = []
#   NODE_VERSIONS(cluster) -> [(node name, kubelet version "v1.34.2-eks-...")] of its Kubernetes nodes.
#   NODEGROUP_DRAIN(nodegroup, instance ids, force) -> [names of nodes whose pods could not be
#     evicted]: cordons the instances' nodes and evicts their pods (PodDisruptionBudgets
#     respected unless force, which deletes them); when something was refused (and not force)
#     the nodes are uncordoned again.
NODE_VERSIONS: list[Callable[[Any], list[tuple[str, str]]]] = []
NODEGROUP_DRAIN: list[Callable[[Any, list[str], bool], list[str]]] = []
#   NODEGROUP_ISSUES(nodegroup) -> a health issue ({code, message, resourceIds}) that makes the node
#     group CREATE_FAILED when its creation ends, before the launch and join checks (eksup_moto_ipv6:
#     Ec2SubnetMissingIpv6Assignment), or None.
NODEGROUP_ISSUES: list[Callable[[Any], dict[str, Any] | None]] = []


def _create_delay(kind: str) -> float:
    """Nodegroups are CREATING until their nodes could have joined (MOTO_K8S_NODE_JOIN_SECONDS)."""
    if kind == "nodegroup":
        return max(DELAYS[kind][0], _seconds("MOTO_K8S_NODE_JOIN_SECONDS"))
    return DELAYS[kind][0]


def fire(event: str, *args: Any) -> None:
    for hook in HOOKS[event]:
        try:
            hook(*args)
        except Exception:  # a hook must never break the AWS call
            traceback.print_exc()


def raw_status(obj: Any) -> str:
    """The lifecycle status without STATUS_HOOKS (used by the Kubernetes side)."""
    return type(obj)._eksup_raw_status.fget(obj)


def lifecycle(cls: type, kind: str) -> None:
    """Replace `cls.status` by a property: CREATING for the create delay after `created_at`,
    DELETING once `_eksup_deleting_since` is set, otherwise the stored value. Nodegroups
    decide ACTIVE vs CREATE_FAILED (NodeCreationFailure) when the create delay ends."""
    create_delay = _create_delay(kind)

    def raw(self: Any) -> str:
        if self.__dict__.get("_eksup_deleting_since") is not None:
            return "DELETING"
        stored = self.__dict__.get("_eksup_status")
        if stored == "ACTIVE" and create_delay > 0 and _age(self.created_at) < create_delay:
            return "CREATING"
        if stored == "ACTIVE" and kind == "cluster" and _update_in_progress(self) is not None:
            return "UPDATING"
        if stored == "ACTIVE" and kind == "nodegroup" and self.__dict__.get("_eksup_managed"):
            if self.__dict__.get("_eksup_hold"):  # the CreateNodegroup response itself
                return "CREATING"
            if not self.__dict__.get("_eksup_decided"):
                decide_nodegroup(self)
                stored = self.__dict__.get("_eksup_status")
                if not self.__dict__.get("_eksup_decided"):  # waiting for its networking add-ons
                    return "CREATING"
            update = self.__dict__.get("_eksup_version_update")
            if stored == "ACTIVE" and update is not None and _update_status(update) == "InProgress":
                return "UPDATING"
        return stored

    def get(self: Any) -> str:
        status = raw(self)
        hook = STATUS_HOOKS.get(kind)
        return hook(self, status) if hook is not None else status

    def set_(self: Any, value: str) -> None:
        self.__dict__["_eksup_status"] = value

    cls._eksup_raw_status = property(raw)
    cls.status = property(get, set_)


_DECIDE_LOCK = threading.RLock()


def decide_nodegroup(nodegroup: Any) -> None:
    """AWS: when a managed nodegroup's instances do not join (Ready nodes) by the end of its
    creation, it goes CREATE_FAILED with a NodeCreationFailure health issue naming them."""
    with _DECIDE_LOCK:
        if nodegroup.__dict__.get("_eksup_decided") or nodegroup.__dict__.get("_eksup_deleting_since") is not None:
            return
        nodegroup._eksup_decided = True
        if nodegroup.__dict__.get("_eksup_status") != "ACTIVE":
            return
        issue = next((i for i in (_nodegroup_issue(check, nodegroup) for check in NODEGROUP_ISSUES) if i), None)
        issue = issue or _launch_failure_issue(nodegroup)
        if issue is not None:
            nodegroup.__dict__["_eksup_status"] = "CREATE_FAILED"
            nodegroup.health = {"issues": [issue]}
            return
        if not NODEGROUP_JOIN_CHECK:
            return
        if _networking_addons_creating(nodegroup):
            nodegroup._eksup_decided = False  # decided at a later describe, once they are done
            return
        try:
            failed = NODEGROUP_JOIN_CHECK[0](nodegroup)
        except Exception:
            traceback.print_exc()
            return
        if failed:
            nodegroup.__dict__["_eksup_status"] = "CREATE_FAILED"
            nodegroup.health = {"issues": [{"code": "NodeCreationFailure", "message": "Instances failed to join the kubernetes cluster",
                                            "resourceIds": sorted(failed)}]}


# The add-ons without which nodes never turn Ready (eksup_moto_k8s's ``cni_problem``, and
# eksup_moto_addon_identity's, read them here).
NETWORKING_ADDONS = ("vpc-cni", "kube-proxy")


def _networking_addons_creating(nodegroup: Any) -> bool:
    """Whether a networking add-on of the nodegroup's cluster is still CREATING. AWS keeps a
    managed nodegroup CREATING while it waits for its nodes, well past the minutes an add-on
    takes; the emulator decides at the end of the nodegroup's delay, so it waits only for what
    is on its way: an add-on that is not there (or failed) fails the nodegroup then."""
    try:
        region, account = nodegroup.arn.split(":")[3:5]
        cluster = eks_models.eks_backends[account][region].clusters[nodegroup.cluster_name]
    except (KeyError, ValueError):
        return False
    addons = _addons(cluster)
    return any(name in addons and raw_status(addons[name]) == "CREATING" for name in NETWORKING_ADDONS)


def _nodegroup_issue(check: Callable[[Any], dict[str, Any] | None], nodegroup: Any) -> dict[str, Any] | None:
    try:
        return check(nodegroup)
    except Exception:
        traceback.print_exc()
        return None


def _launch_failure_issue(nodegroup: Any) -> dict[str, Any] | None:
    """AWS: a managed nodegroup whose Auto Scaling group could not launch its instances (e.g. an
    instance type its Local Zone does not offer) is CREATE_FAILED with an AsgInstanceLaunchFailures
    health issue: "Could not launch On-Demand Instances. Unsupported - Your requested instance type
    (...) is not supported in your requested Availability Zone (...). ... Launching EC2 instance
    failed." (AWS's wording, dspace-group/dspace-reference-architecture-aws#85)."""
    asg_name = nodegroup.__dict__.get("_eksup_asg")
    if not asg_name:
        return None
    try:
        import eksup_moto_asg
        from moto.autoscaling.models import autoscaling_backends

        arn = str(getattr(nodegroup, "arn", "") or "")
        account, region = (arn.split(":")[4], arn.split(":")[3]) if arn.count(":") >= 5 else (None, None)
        backend = autoscaling_backends[account or nodegroup.account_id][region or nodegroup.region_name]
        group = backend.autoscaling_groups.get(asg_name)
        failures = eksup_moto_asg.launch_failures(backend, asg_name)
    except Exception:
        traceback.print_exc()
        return None
    if group is None or not failures or len(group.instance_states) >= (group.desired_capacity or 0):
        return None
    code = failures[-1].get("_eksup_code") or "Client.Error"
    return {"code": "AsgInstanceLaunchFailures",
            "message": f"Could not launch On-Demand Instances. {code} - {failures[-1]['StatusMessage']}",
            "resourceIds": [asg_name]}


def _deleting(obj: Any) -> bool:
    return obj.__dict__.get("_eksup_deleting_since") is not None


def _gone(obj: Any, kind: str) -> bool:
    since = obj.__dict__.get("_eksup_deleting_since")
    return since is not None and _age(since) >= DELAYS[kind][1]


def _mark_deleting(obj: Any, what: str) -> None:
    if _deleting(obj):
        raise _in_use(f"{what} is already being deleted.")
    obj._eksup_deleting_since = utcnow()


def sweep(backend: EKSBackend) -> None:
    """Remove DELETING resources whose delete delay has passed (called before every request)."""
    for name, cluster in list(backend.clusters.items()):
        for ng_name, nodegroup in list(cluster.nodegroups.items()):
            if _gone(nodegroup, "nodegroup"):
                del cluster.nodegroups[ng_name]
                cluster.nodegroup_count -= 1
        for fp_name, profile in list(cluster.fargate_profiles.items()):
            if _gone(profile, "fargate"):
                del cluster.fargate_profiles[fp_name]
                cluster.fargate_profile_count -= 1
        for addon_name, addon in list(_addons(cluster).items()):
            if _gone(addon, "addon"):
                del _addons(cluster)[addon_name]
        if _gone(cluster, "cluster"):
            del backend.clusters[name]
            backend.cluster_count -= 1
            _delete_cluster_security_group(backend, cluster)
            fire("cluster_gone", backend, cluster)


# ---------------------------------------------------------------------------------------
# create-cluster / delete-cluster / update-cluster-config fidelity
# ---------------------------------------------------------------------------------------
def _ec2(backend: EKSBackend) -> Any:
    from moto.ec2.models import ec2_backends

    return ec2_backends[backend.account_id][backend.region_name]


def _validate_subnets(backend: EKSBackend, vpc_config: dict[str, Any]) -> str:
    """AWS: subnets must exist, be in one VPC and in at least two AZs. Returns the VPC id."""
    subnet_ids = (vpc_config or {}).get("subnetIds") or []
    if not subnet_ids:
        raise _invalid_parameter("Subnets are required.")
    ec2 = _ec2(backend)
    subnets = []
    for subnet_id in subnet_ids:
        try:
            subnets.append(ec2.get_subnet(subnet_id))
        except Exception:
            raise _invalid_parameter(f"The subnet ID '{subnet_id}' does not exist")
    if len({s.vpc_id for s in subnets}) > 1:
        raise _invalid_parameter("Subnets must all be in the same VPC.")
    if len({s.availability_zone for s in subnets}) < 2:
        raise _invalid_parameter("Subnets specified must be in at least two different AZs")
    vpc_id = subnets[0].vpc_id
    group_ids = (vpc_config or {}).get("securityGroupIds") or []
    if len(group_ids) > 5:
        raise _invalid_parameter("You can specify up to 5 security groups.")
    for group_id in group_ids:
        group = ec2.get_security_group_from_id(group_id)
        if group is None:
            raise _invalid_parameter(f"The security group '{group_id}' does not exist")
        if group.vpc_id != vpc_id:
            raise _invalid_parameter(f"Security group {group_id} is not in the VPC of the subnets ({vpc_id}).")
    return vpc_id


def _certificate_authority() -> tuple[str, bytes, bytes]:
    """A throwaway self-signed CA (CN=kubernetes): (base64 of its PEM as AWS returns it in
    ``certificateAuthority.data``, the PEM, the PEM private key). The key is kept on the
    cluster (``_eksup_ca``) so that ``eksup_moto_k8s`` signs the API server's certificate."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "kubernetes")])
    now = datetime.datetime.now(datetime.timezone.utc)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=False, key_encipherment=True,
                                     data_encipherment=False, key_agreement=False, key_cert_sign=True,
                                     crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    pem = cert.public_bytes(serialization.Encoding.PEM)
    key_pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    return base64.b64encode(pem).decode(), pem, key_pem


def _create_cluster_security_group(backend: EKSBackend, cluster: Cluster, vpc_id: str) -> str:
    """AWS creates `eks-cluster-sg-<name>-<n>` allowing all traffic from itself."""
    ec2 = _ec2(backend)
    suffix = str(uuid.uuid4().int)[:10]
    group = ec2.create_security_group(
        name=f"eks-cluster-sg-{cluster.name}-{suffix}",
        description="EKS created security group applied to ENI that is attached to EKS Control Plane master nodes, "
        "as well as any managed workloads.",
        vpc_id=vpc_id,
        tags={"aws:eks:cluster-name": cluster.name, f"kubernetes.io/cluster/{cluster.name}": "owned", "Name": f"eks-cluster-sg-{cluster.name}-{suffix}"},
    )
    ec2.authorize_security_group_ingress(
        group_name_or_id=group.id,
        ip_protocol="-1",
        from_port=None,
        to_port=None,
        ip_ranges=[],
        source_groups=[{"GroupId": group.id, "UserId": backend.account_id}],
        vpc_id=vpc_id,
    )
    return group.id


def _delete_cluster_security_group(backend: EKSBackend, cluster: Cluster) -> None:
    group_id = (cluster.resources_vpc_config or {}).get("clusterSecurityGroupId")
    if group_id:
        try:
            _ec2(backend).delete_security_group(group_id=group_id)
        except Exception:  # already deleted by the user: nothing to clean up
            pass


_original_create_cluster = EKSBackend.create_cluster


def create_cluster(self: EKSBackend, name: str, role_arn: str, resources_vpc_config: dict[str, Any], **kwargs: Any) -> Cluster:
    if name in self.clusters:
        return _original_create_cluster(self, name, role_arn, resources_vpc_config, **kwargs)  # raises ResourceInUse
    eks_models.validate_role_arn(role_arn)
    # AWS: only the versions in standard or extended support (moto takes anything, e.g. 9.99).
    version = kwargs.get("version")
    if version and version not in SUPPORTED_VERSIONS:
        raise _invalid_parameter(f"unsupported Kubernetes version {version}")
    kwargs["version"] = version or DEFAULT_VERSION  # AWS's default (moto: 1.19)
    _check_egress_mode(None, (resources_vpc_config or {}).get("controlPlaneEgressMode"))
    vpc_id = _validate_subnets(self, resources_vpc_config)
    refusal = _control_plane_zone_refusal(self, name, (resources_vpc_config or {}).get("subnetIds") or [])
    if refusal is not None:
        raise UnsupportedAvailabilityZoneException(message=refusal[0], clusterName=name, validZones=refusal[1])
    network = dict(kwargs.get("kubernetes_network_config") or {})
    if not network.get("serviceIpv4Cidr") and network.get("ipFamily", "ipv4") == "ipv4":
        # AWS picks 10.100.0.0/16, or 172.20.0.0/16 when the VPC is inside 10.0.0.0/8
        # (moto: always 172.20.0.0/16, in one dict shared by all clusters).
        import ipaddress

        vpc = _ec2(self).get_vpc(vpc_id)
        in_ten = ipaddress.ip_network(vpc.cidr_block).subnet_of(ipaddress.ip_network("10.0.0.0/8"))
        network["serviceIpv4Cidr"] = "172.20.0.0/16" if in_ten else "10.100.0.0/16"
    network.setdefault("ipFamily", "ipv4")
    kwargs["kubernetes_network_config"] = network
    _check_remote_networks(self, kwargs.get("remote_network_config"), vpc_id, network.get("serviceIpv4Cidr"))
    cluster = _original_create_cluster(self, name, role_arn, dict(resources_vpc_config), **kwargs)
    token = uuid.uuid4().hex.upper()
    cluster.endpoint = f"https://{token}.gr7.{self.region_name}.eks.amazonaws.com"
    cluster.identity = {"oidc": {"issuer": f"https://oidc.eks.{self.region_name}.amazonaws.com/id/{token}"}}
    ca_data, ca_pem, ca_key = _certificate_authority()
    cluster.certificate_authority = {"data": ca_data}
    cluster._eksup_ca = (ca_pem, ca_key)
    cluster.access_config = {"bootstrapClusterCreatorAdminPermissions": True, "authenticationMode": "CONFIG_MAP"}
    cluster.id = str(uuid.uuid4())
    cluster.health = {"issues": []}
    cluster.platformVersion = _platform_version(cluster.version)  # moto: eks.4 for every version
    vpc = cluster.resources_vpc_config
    vpc.setdefault("securityGroupIds", [])
    vpc.setdefault("endpointPublicAccess", True)
    vpc.setdefault("endpointPrivateAccess", False)
    vpc.setdefault("publicAccessCidrs", ["0.0.0.0/0"])
    # AWS: the control plane's egress is EKS's (AWS_MANAGED) unless asked otherwise.
    vpc["controlPlaneEgressMode"] = vpc.get("controlPlaneEgressMode") or "AWS_MANAGED"
    vpc["vpcId"] = vpc_id
    vpc["clusterSecurityGroupId"] = _create_cluster_security_group(self, cluster, vpc_id)
    # AWS: every cluster is on a control plane scaling tier, "standard" unless one was asked for
    # (create_cluster_response); moto had no such field.
    cluster.control_plane_scaling_config = {"tier": "standard"}
    # AWS: with a log type enabled, EKS makes the log group /aws/eks/<name>/cluster (once ACTIVE).
    _later(self, _create_delay("cluster"), _ensure_log_group, self, cluster)
    fire("cluster_created", self, cluster)
    return cluster


_original_create_cluster_response = EKSResponse.create_cluster


def create_cluster_response(self: EKSResponse) -> ActionResult:
    """Stores `accessConfig` and `controlPlaneScalingConfig`, which moto's handler drops (read
    back by describe-cluster), after checking them."""
    access = self._get_param("accessConfig") or {}
    mode = access.get("authenticationMode")
    if mode is not None and mode not in ("CONFIG_MAP", "API", "API_AND_CONFIG_MAP"):
        raise _invalid_parameter(f"Unsupported authenticationMode: {mode}")
    scaling = self._get_param("controlPlaneScalingConfig")
    tier = _check_tier(scaling, required=False) if scaling is not None else None
    auto = _check_auto_mode(self, mode or "CONFIG_MAP")
    if self._get_param("remoteNetworkConfig") and (mode or "CONFIG_MAP") not in ("API", "API_AND_CONFIG_MAP"):
        raise _invalid_parameter("remoteNetworkConfig requires the cluster's authenticationMode to be API or API_AND_CONFIG_MAP")
    result = _original_create_cluster_response(self)
    cluster = self.eks_backend.clusters[self._get_param("name")]
    cluster.access_config.update(access)
    if tier is not None:
        cluster.control_plane_scaling_config = {"tier": tier}
    if auto is not None:
        _enable_auto_mode(self.eks_backend, cluster, auto)
    return result


# ---------------------------------------------------------------------------------------
# EKS Hybrid Nodes: remote networks
# ---------------------------------------------------------------------------------------
REMOTE_RANGES = ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10")


def _check_remote_networks(backend: EKSBackend, config: Any, vpc_id: str, service_cidr: str | None) -> None:
    """AWS's user guide for hybrid nodes: one remote node network and at most one pod network,
    IPv4 CIDRs in RFC 1918 or CGNAT ranges that overlap neither each other, nor the VPC's CIDR
    blocks, nor the Kubernetes service range (InvalidParameterException, wording ours)."""
    import ipaddress

    if not config:
        return
    nodes = config.get("remoteNodeNetworks") or []
    pods = config.get("remotePodNetworks") or []
    if len(nodes) > 1 or len(pods) > 1:
        raise _invalid_parameter("remoteNetworkConfig takes at most one remoteNodeNetworks and one remotePodNetworks entry")
    if not nodes and pods:
        raise _invalid_parameter("remoteNetworkConfig.remotePodNetworks requires remoteNodeNetworks")
    allowed = [ipaddress.ip_network(r) for r in REMOTE_RANGES]
    vpc = _ec2(backend).get_vpc(vpc_id)
    blocked = [("the VPC", ipaddress.ip_network(a["cidr_block"])) for a in vpc.get_cidr_block_association_set()]
    if service_cidr:
        blocked.append(("the service range", ipaddress.ip_network(service_cidr)))
    seen: list[Any] = []
    for entry in nodes + pods:
        for cidr in entry.get("cidrs") or []:
            try:
                net = ipaddress.ip_network(cidr)
            except ValueError:
                raise _invalid_parameter(f"Invalid CIDR block in remoteNetworkConfig: {cidr}")
            if net.version != 4 or not any(net.subnet_of(a) for a in allowed):
                raise _invalid_parameter(f"remote network CIDR {cidr} must be within the RFC 1918 or CGNAT (100.64.0.0/10) ranges")
            for what, other in blocked:
                if net.overlaps(other):
                    raise _invalid_parameter(f"remote network CIDR {cidr} overlaps {what} ({other})")
            for other in seen:
                if net.overlaps(other):
                    raise _invalid_parameter(f"remote network CIDRs {cidr} and {other} overlap")
            seen.append(net)


# ---------------------------------------------------------------------------------------
# EKS Auto Mode
# ---------------------------------------------------------------------------------------
AUTO_MODE_NODE_POOLS = ("general-purpose", "system")
# AWS's (kubernetes-sigs/cluster-api-provider-aws issue 5278).
AUTO_MODE_TOGETHER = ("For EKS Auto Mode, please ensure that all required configs, including computeConfig, "
                      "kubernetesNetworkConfig, and blockStorage are all either fully enabled or fully disabled.")


def _check_auto_mode(response: EKSResponse, mode: str) -> dict[str, Any] | None:
    """CreateCluster's Auto Mode: compute, block storage and load balancing all on or all off
    (AWS's message); on, it needs bootstrapSelfManagedAddons false (terraform's docs of the API:
    "Enabling EKS Auto Mode also requires that bootstrap_self_managed_addons is set to false"),
    an authentication mode with the access entry API, Kubernetes 1.29 or later, node pools of
    `general-purpose`/`system` with a node role (an existing role EC2 may assume) and a node role
    only with node pools (the wording of these ours). The compute config, or None when off."""
    compute = response._get_param("computeConfig") or {}
    storage = (response._get_param("storageConfig") or {}).get("blockStorage") or {}
    balancing = (response._get_param("kubernetesNetworkConfig") or {}).get("elasticLoadBalancing") or {}
    flags = {bool(compute.get("enabled")), bool(storage.get("enabled")), bool(balancing.get("enabled"))}
    if len(flags) > 1:
        raise _invalid_parameter(AUTO_MODE_TOGETHER)
    if flags != {True}:
        if compute.get("nodePools") or compute.get("nodeRoleArn"):
            raise _invalid_parameter("computeConfig.nodePools and computeConfig.nodeRoleArn require computeConfig.enabled to be true")
        return None
    if response._get_param("bootstrapSelfManagedAddons") is not False:
        raise _invalid_parameter("EKS Auto Mode requires bootstrapSelfManagedAddons to be false")
    if mode not in ("API", "API_AND_CONFIG_MAP"):
        raise _invalid_parameter("EKS Auto Mode requires the cluster's authenticationMode to be API or API_AND_CONFIG_MAP")
    version = response._get_param("version") or DEFAULT_VERSION
    if _minor(version) < 29:
        raise _invalid_parameter(f"EKS Auto Mode is not supported for Kubernetes version {version}; it requires 1.29 or later")
    return _check_auto_pools(response.eks_backend, compute)


def _check_auto_pools(backend: EKSBackend, compute: dict[str, Any]) -> dict[str, Any]:
    """Auto Mode's node pools and node role (see _check_auto_mode); the compute config kept."""
    pools = compute.get("nodePools") or []
    for pool in pools:
        _enum("computeConfig.nodePools.member", pool, AUTO_MODE_NODE_POOLS)
    if len(set(pools)) != len(pools):
        raise _invalid_parameter("computeConfig.nodePools must not repeat a node pool")
    role = compute.get("nodeRoleArn")
    if pools and not role:
        raise _invalid_parameter("computeConfig.nodeRoleArn is required when computeConfig.nodePools is not empty")
    if role and not pools:
        raise _invalid_parameter("computeConfig.nodeRoleArn can only be set when computeConfig.nodePools is not empty")
    if role:
        _check_auto_node_role(backend, role)
    return {"enabled": True, "nodePools": list(pools), **({"nodeRoleArn": role} if role else {})}


AUTO_MODE_MEMBERS = ("computeConfig", "storageConfig", "kubernetesNetworkConfig")


def _update_auto_mode(backend: EKSBackend, cluster: Cluster, response: EKSResponse) -> ActionResult:
    """UpdateClusterConfig turning EKS Auto Mode on or off on an existing cluster (AWS's user
    guide, "Enable EKS Auto Mode on an existing cluster"): the three configs given together and
    all on or all off (AWS's message); on, an authentication mode with access entries, Kubernetes
    1.29 or later and CreateCluster's node pool and node role rules. An ``AutoModeUpdate`` whose
    end puts the configs in place (on: the node role's access entry, as at CreateCluster)."""
    compute = response._get_param("computeConfig") or {}
    storage = (response._get_param("storageConfig") or {}).get("blockStorage") or {}
    balancing = (response._get_param("kubernetesNetworkConfig") or {}).get("elasticLoadBalancing") or {}
    if any(response._get_param(m) is None for m in AUTO_MODE_MEMBERS):
        raise _invalid_parameter(AUTO_MODE_TOGETHER)
    flags = {bool(compute.get("enabled")), bool(storage.get("enabled")), bool(balancing.get("enabled"))}
    if len(flags) > 1:
        raise _invalid_parameter(AUTO_MODE_TOGETHER)
    on = flags == {True}
    if on:
        mode = (cluster.access_config or {}).get("authenticationMode") or "CONFIG_MAP"
        if mode not in ("API", "API_AND_CONFIG_MAP"):
            raise _invalid_parameter("EKS Auto Mode requires the cluster's authenticationMode to be API or API_AND_CONFIG_MAP")
        if _minor(cluster.version) < 29:
            raise _invalid_parameter(f"EKS Auto Mode is not supported for Kubernetes version {cluster.version}; it requires 1.29 or later")
        config = _check_auto_pools(backend, compute)
    elif compute.get("nodePools") or compute.get("nodeRoleArn"):
        raise _invalid_parameter("computeConfig.nodePools and computeConfig.nodeRoleArn require computeConfig.enabled to be true")
    params = [{"type": "ComputeConfig", "value": _json(compute)},
              {"type": "StorageConfig", "value": _json(response._get_param("storageConfig"))},
              {"type": "KubernetesNetworkConfig", "value": _json(response._get_param("kubernetesNetworkConfig"))}]

    def apply() -> None:
        if on:
            _enable_auto_mode(backend, cluster, config)
        else:
            cluster.compute_config = {"enabled": False}
            cluster.storage_config = {"blockStorage": {"enabled": False}}
            cluster.kubernetes_network_config["elasticLoadBalancing"] = {"enabled": False}

    update = _record_cluster_update(backend, cluster, "AutoModeUpdate", params, apply)
    return ActionResult({"update": _public(update)})


def _check_auto_node_role(backend: EKSBackend, arn: str) -> None:
    """The node role must exist (and have propagated) and let EC2 assume it, as a node group's."""
    import eksup_moto_strict as strict

    refused = f"Role with arn: {arn}, could not be assumed because it does not exist or the trusted entity is not correct"
    role = strict._role(arn, backend.partition)
    if strict.KNOBS.eks_role_checks and (role is None or not strict._trusts(role.assume_role_policy_document, "ec2.amazonaws.com")):
        raise _invalid_parameter(refused)
    if role is not None:
        changed = role.__dict__.get("_eksup_trust_changed_at") or role.create_date
        if strict._young(max(role.create_date, changed), "MOTO_IAM_ROLE_PROPAGATION_SECONDS"):
            raise _invalid_parameter(refused)


def _enable_auto_mode(backend: EKSBackend, cluster: Cluster, compute: dict[str, Any]) -> None:
    """Keep the three configs (read back by DescribeCluster) and, as AWS's user guide says ("EKS
    automatically creates the corresponding Kubernetes permissions using Access entries"), give
    the node role an access entry of type EC2 with AmazonEKSAutoNodePolicy: EKS's, untagged,
    gone with the cluster."""
    cluster.compute_config = compute
    cluster.storage_config = {"blockStorage": {"enabled": True}}
    cluster.kubernetes_network_config["elasticLoadBalancing"] = {"enabled": True}
    role = compute.get("nodeRoleArn")
    if role:
        entry = AccessEntry(backend, cluster, role, {"type": "EC2"})
        policy = _policy_arn(backend, "AmazonEKSAutoNodePolicy")
        now = utcnow()
        entry.policies[policy] = {"policyArn": policy, "accessScope": {"type": "cluster"}, "associatedAt": now, "modifiedAt": now}
        _access_entries(cluster)[role] = entry


# ---------------------------------------------------------------------------------------
# Control plane scaling tiers (EKS Provisioned Control Plane) and control plane logs
# ---------------------------------------------------------------------------------------
# ControlPlaneScalingConfig.tier, the API's ProvisionedControlPlaneTier enum.
CONTROL_PLANE_TIERS = ("standard", "tier-xl", "tier-2xl", "tier-4xl", "tier-8xl")


def _constraint(path: str, value: Any, constraint: str) -> InvalidParameterException:
    """An InvalidParameterException worded like AWS's request validation errors."""
    return _invalid_parameter(f"1 validation error detected: Value '{value}' at '{path}' failed to satisfy constraint: {constraint}")


def _enum(path: str, value: Any, allowed: tuple[str, ...]) -> None:
    if not isinstance(value, str) or value not in allowed:
        raise _constraint(path, value, f"Member must satisfy enum value set: [{', '.join(allowed)}]")


def _check_tier(config: Any, required: bool) -> str:
    """The tier of a ControlPlaneScalingConfig (enum ProvisionedControlPlaneTier; botocore does not
    check enums). Without a tier: "standard" at CreateCluster, refused by UpdateClusterConfig
    (`required`), which would have nothing to change."""
    if not isinstance(config, dict):
        raise _invalid_parameter("controlPlaneScalingConfig must be an object")
    tier = config.get("tier")
    if tier is None:
        if required:
            raise _invalid_parameter("controlPlaneScalingConfig.tier is required")
        return "standard"
    _enum("controlPlaneScalingConfig.tier", tier, CONTROL_PLANE_TIERS)
    return tier


def cluster_log_group(name: str) -> str:
    """The log group EKS sends a cluster's control plane logs to (AWS's documented name format)."""
    return f"/aws/eks/{name}/cluster"


def _logging_enabled(logging: Any) -> bool:
    """Whether a `logging` configuration has at least one log type turned on."""
    setups = (logging or {}).get("clusterLogging") if isinstance(logging, dict) else None
    return any(isinstance(s, dict) and s.get("enabled") is True and s.get("types") for s in setups or [])


def _ensure_log_group(backend: EKSBackend, cluster: Cluster) -> None:
    """AWS: a cluster with a log type enabled has its log group in CloudWatch Logs (same account
    and Region); EKS creates it when missing and leaves an existing one (and its retention) alone.
    Not for a cluster that is gone or being deleted meanwhile."""
    if backend.clusters.get(cluster.name) is not cluster or _deleting(cluster) or not _logging_enabled(cluster.logging):
        return
    from moto.logs.models import logs_backends

    logs_backends[backend.account_id][backend.region_name].ensure_log_group(cluster_log_group(cluster.name))


def _later(backend: EKSBackend, seconds: float, action: Callable[..., Any], *args: Any) -> None:
    """Run `action(*args)` now (no delay), or after `seconds` on a timer that /moto-api/reset cancels."""

    def run() -> None:
        try:
            action(*args)
        except Exception:  # a timer must never take the server down
            traceback.print_exc()

    if seconds <= 0:
        run()
        return
    timer = threading.Timer(seconds, run)
    timer.daemon = True
    timer.start()
    backend.__dict__.setdefault("_eksup_timers", []).append(timer)


def delete_cluster(self: EKSBackend, name: str) -> Cluster:
    cluster = self.describe_cluster(name)  # ResourceNotFoundException
    if cluster.nodegroups:
        raise ResourceInUseException(clusterName=name, nodegroupName=",".join(cluster.nodegroups), addonName=None, message="Cluster has nodegroups attached")
    if cluster.fargate_profiles:
        raise _in_use("Cluster has fargate profiles attached")
    _mark_deleting(cluster, f"Cluster {name}")
    fire("cluster_deleting", self, cluster)
    sweep(self)
    return cluster


_original_create_nodegroup = EKSBackend.create_nodegroup

# Managed nodegroup AMI type -> the public SSM parameter of its image ({v} = Kubernetes version).
AMI_TYPE_PARAMETERS = {
    "AL2023_x86_64_STANDARD": "/aws/service/eks/optimized-ami/{v}/amazon-linux-2023/x86_64/standard/recommended/image_id",
    "AL2023_ARM_64_STANDARD": "/aws/service/eks/optimized-ami/{v}/amazon-linux-2023/arm64/standard/recommended/image_id",
    "AL2023_x86_64_NVIDIA": "/aws/service/eks/optimized-ami/{v}/amazon-linux-2023/x86_64/nvidia/recommended/image_id",
    "AL2023_ARM_64_NVIDIA": "/aws/service/eks/optimized-ami/{v}/amazon-linux-2023/arm64/nvidia/recommended/image_id",
    "AL2023_x86_64_NEURON": "/aws/service/eks/optimized-ami/{v}/amazon-linux-2023/x86_64/neuron/recommended/image_id",
    "AL2_x86_64": "/aws/service/eks/optimized-ami/{v}/amazon-linux-2/recommended/image_id",
    "AL2_x86_64_GPU": "/aws/service/eks/optimized-ami/{v}/amazon-linux-2-gpu/recommended/image_id",
    "AL2_ARM_64": "/aws/service/eks/optimized-ami/{v}/amazon-linux-2-arm64/recommended/image_id",
    "BOTTLEROCKET_x86_64": "/aws/service/bottlerocket/aws-k8s-{v}/x86_64/latest/image_id",
    "BOTTLEROCKET_ARM_64": "/aws/service/bottlerocket/aws-k8s-{v}/arm64/latest/image_id",
    "BOTTLEROCKET_x86_64_NVIDIA": "/aws/service/bottlerocket/aws-k8s-{v}-nvidia/x86_64/latest/image_id",
    "BOTTLEROCKET_ARM_64_NVIDIA": "/aws/service/bottlerocket/aws-k8s-{v}-nvidia/arm64/latest/image_id",
    "BOTTLEROCKET_x86_64_FIPS": "/aws/service/bottlerocket/aws-k8s-{v}-fips/x86_64/latest/image_id",
    "BOTTLEROCKET_ARM_64_FIPS": "/aws/service/bottlerocket/aws-k8s-{v}-fips/arm64/latest/image_id",
    "BOTTLEROCKET_x86_64_NVIDIA_FIPS": "/aws/service/bottlerocket/aws-k8s-{v}-nvidia-fips/x86_64/latest/image_id",
    "BOTTLEROCKET_ARM_64_NVIDIA_FIPS": "/aws/service/bottlerocket/aws-k8s-{v}-nvidia-fips/arm64/latest/image_id",
    # Windows (the same parameters as eksctl's ssm_resolver.go; 2025 images from Kubernetes 1.35)
    "WINDOWS_CORE_2019_x86_64": "/aws/service/ami-windows-latest/Windows_Server-2019-English-Core-EKS_Optimized-{v}/image_id",
    "WINDOWS_FULL_2019_x86_64": "/aws/service/ami-windows-latest/Windows_Server-2019-English-Full-EKS_Optimized-{v}/image_id",
    "WINDOWS_CORE_2022_x86_64": "/aws/service/ami-windows-latest/Windows_Server-2022-English-Core-EKS_Optimized-{v}/image_id",
    "WINDOWS_FULL_2022_x86_64": "/aws/service/ami-windows-latest/Windows_Server-2022-English-Full-EKS_Optimized-{v}/image_id",
    "WINDOWS_CORE_2025_x86_64": "/aws/service/ami-windows-latest/Windows_Server-2025-English-Core-EKS_Optimized-{v}/image_id",
    "WINDOWS_FULL_2025_x86_64": "/aws/service/ami-windows-latest/Windows_Server-2025-English-Full-EKS_Optimized-{v}/image_id",
}


def _autoscaling(backend: EKSBackend) -> Any:
    from moto.autoscaling.models import autoscaling_backends

    return autoscaling_backends[backend.account_id][backend.region_name]


def _ami_for_type(backend: EKSBackend, ami_type: str, version: str) -> str | None:
    param = AMI_TYPE_PARAMETERS.get(ami_type)
    if not param:
        return None
    try:
        from moto.ssm.models import ssm_backends

        found = ssm_backends[backend.account_id][backend.region_name].get_parameter(param.format(v=version))
        return found.value if found is not None else None
    except Exception:
        return None


def _check_scaling(scaling: dict[str, Any] | None) -> None:
    """AWS: 0 <= minSize <= desiredSize <= maxSize and maxSize >= 1 (moto accepts min > max)."""
    if not scaling:
        return
    lo, want, hi = scaling.get("minSize"), scaling.get("desiredSize"), scaling.get("maxSize")
    if hi is not None and hi < 1:
        raise _invalid_parameter("Maximum capacity must be greater than or equal to 1")
    if lo is not None and lo < 0:
        raise _invalid_parameter("Minimum capacity must be greater than or equal to 0")
    if lo is not None and hi is not None and lo > hi:
        raise _invalid_parameter(f"Minimum capacity {lo} can't be greater than maximum capacity {hi}")
    if want is not None and hi is not None and want > hi:
        raise _invalid_parameter(f"Desired capacity {want} can't be greater than max size {hi}")
    if want is not None and lo is not None and want < lo:
        raise _invalid_parameter(f"Minimum capacity {lo} can't be greater than desired size {want}")


def _user_data_type(data: dict[str, Any]) -> None:
    """moto's CreateLaunchTemplateVersion keeps UserData as a plain str, which its Auto Scaling
    refuses (it asserts a Base64EncodedString) when the EKS template copies it."""
    if isinstance(data.get("UserData"), str):
        from moto.core.types import Base64EncodedString

        try:
            data["UserData"] = Base64EncodedString(data["UserData"])
        except ValueError:
            data.pop("UserData")


def _launch_managed_instances(backend: EKSBackend, cluster: Cluster, nodegroup: Nodegroup, instance_types_given: bool) -> None:
    """AWS: a managed nodegroup is an Auto Scaling group `eks-<nodegroup>-<uuid>` (launch template
    `eks-<uuid>`, a copy of the user's with EKS's image/bootstrap) whose instances carry
    eks:cluster-name / eks:nodegroup-name / kubernetes.io/cluster/<name> tags. moto launched
    nothing; here a real moto launch template + ASG launch desiredSize instances spread over
    the nodegroup's subnets (see eksup_moto_k8s for the ASG spreading)."""
    ec2 = _ec2(backend)
    data: dict[str, Any] = {}
    source = None
    if nodegroup.launch_template and nodegroup.launch_template.get("id"):
        template = ec2.get_launch_template(nodegroup.launch_template["id"])
        source = template.get_version(nodegroup.launch_template.get("version") or "$Default")
        data = source.data
    image = data.get("ImageId") or _ami_for_type(backend, nodegroup.ami_type, nodegroup.version) or "ami-0eksup0managed0node"
    if instance_types_given or not data.get("InstanceType"):
        instance_type = (nodegroup.instance_types or ["t3.medium"])[0]
    else:
        instance_type = data["InstanceType"]
    groups = list(data.get("SecurityGroupIds") or [])
    for nic in data.get("NetworkInterfaces") or []:
        groups += nic.get("Groups") or []
    if not groups:  # AWS: without launch template groups, nodes get the cluster security group
        groups = [cluster.resources_vpc_config["clusterSecurityGroupId"]]
    eks_tags = {"eks:cluster-name": cluster.name, "eks:nodegroup-name": nodegroup.nodegroup_name,
                f"kubernetes.io/cluster/{cluster.name}": "owned"}
    instance_tags = dict(source.instance_tags if source is not None else {})
    instance_tags.update(eks_tags)
    lt_data: dict[str, Any] = {
        "ImageId": image,
        "InstanceType": instance_type,
        "SecurityGroupIds": groups,
        "TagSpecifications": [{"ResourceType": "instance", "Tags": [{"Key": k, "Value": v} for k, v in instance_tags.items()]}],
    }
    if data.get("NetworkInterfaces"):
        # AWS copies the template's interfaces (an EFA group's), their groups in them.
        lt_data["NetworkInterfaces"] = copy.deepcopy(data["NetworkInterfaces"])
        del lt_data["SecurityGroupIds"]
    # AWS copies the template's settings into EKS's own (the capacity ones too: a Capacity
    # Block's group launches only into its block).
    for key in ("UserData", "KeyName", "MetadataOptions", "BlockDeviceMappings", "Placement",
                "CapacityReservationSpecification", "InstanceMarketOptions"):
        if data.get(key) is not None:
            lt_data[key] = data[key]
    _user_data_type(lt_data)
    template = ec2.create_launch_template(f"eks-{nodegroup.uuid}", "EKS managed nodegroup", lt_data,
                                          {"launch-template": dict(eks_tags)})
    asg_name = f"eks-{nodegroup.nodegroup_name}-{nodegroup.uuid}"
    scaling = nodegroup.scaling_config
    tags = [{"Key": k, "Value": v, "PropagateAtLaunch": "true", "ResourceId": asg_name, "ResourceType": "auto-scaling-group"}
            for k, v in {**eks_tags, "k8s.io/cluster-autoscaler/enabled": "true", f"k8s.io/cluster-autoscaler/{cluster.name}": "owned"}.items()]
    nodegroup._eksup_launch_template_id = template.id
    nodegroup._eksup_asg = asg_name
    nodegroup.resources = {"autoScalingGroups": [{"name": asg_name}]}
    if nodegroup.__dict__.get("_eksup_remote_access") and not (nodegroup.remote_access or {}).get("sourceSecurityGroups"):
        nodegroup.resources["remoteAccessSecurityGroup"] = f"sg-{uuid.uuid4().hex[:17]}"
    try:
        _autoscaling(backend).create_auto_scaling_group(
            name=asg_name, availability_zones=[], desired_capacity=scaling.get("desiredSize"), max_size=scaling.get("maxSize"),
            min_size=scaling.get("minSize"), launch_config_name=None,  # type: ignore[arg-type]
            launch_template={"LaunchTemplateId": template.id, "Version": "1"}, vpc_zone_identifier=",".join(nodegroup.subnets),
            default_cooldown=None, health_check_period=None, health_check_type="EC2", load_balancers=[], target_group_arns=[],
            placement_group=None, termination_policies=[], tags=tags)
    except Exception as e:
        _delete_managed_instances(backend, nodegroup)
        raise _invalid_parameter(f"Could not launch the nodegroup's instances: {e}")


def _delete_managed_instances(backend: EKSBackend, nodegroup: Nodegroup) -> None:
    """AWS terminates a managed nodegroup's instances and removes its ASG and launch template."""
    asg = nodegroup.__dict__.pop("_eksup_asg", None)
    if asg:
        try:
            _autoscaling(backend).delete_auto_scaling_group(asg)
        except Exception:
            pass
    template = nodegroup.__dict__.pop("_eksup_launch_template_id", None)
    if template:
        try:
            _ec2(backend).delete_launch_template(None, template)
        except Exception:
            pass


def _check_launch_template(backend: EKSBackend, kwargs: dict[str, Any]) -> dict[str, Any]:
    """AWS's checks of CreateNodegroup's launchTemplate: it must exist (by id, or by name), in
    the version given; an AMI type cannot go with a template that has an image, nor instance
    types with one that has an instance type. Returns the version's data."""
    spec = kwargs.get("launch_template") or {}
    if not spec:
        return {}
    ec2 = _ec2(backend)
    try:
        if spec.get("id"):
            template = ec2.get_launch_template(spec["id"])
        else:
            template = ec2.get_launch_template_by_name(spec.get("name"))
    except Exception:
        what = spec.get("id") or spec.get("name")
        raise _invalid_parameter(f"Launch template {what} does not exist")
    try:
        version = template.get_version(spec.get("version") or "$Default")
    except Exception:
        raise _invalid_parameter(f"Launch template version {spec.get('version')} of {template.id} does not exist")
    data = dict(getattr(version, "data", None) or {})
    if data.get("ImageId") and kwargs.get("ami_type") and kwargs.get("ami_type") != "CUSTOM":
        raise _invalid_parameter(
            "You cannot specify an AMI Type other than CUSTOM, when specifying an image id in your launch template."
        )
    if data.get("InstanceType") and kwargs.get("instance_types"):
        raise _invalid_parameter("Instance type cannot be specified in both launch template and nodegroup.")
    return data


CAPACITY_TYPES = ("ON_DEMAND", "SPOT", "CAPACITY_BLOCK")


def _check_capacity_type(kwargs: dict[str, Any], template_data: dict[str, Any]) -> None:
    """AWS: capacityType is ON_DEMAND, SPOT or CAPACITY_BLOCK; a Capacity Block's group is made
    only with a launch template (EKS's guide "Create a managed node group with Capacity Blocks for
    ML"), whose instance type is the block's and whose market type is ``capacity-block``
    (wordings UNVERIFIED)."""
    capacity = kwargs.get("capacity_type")
    if capacity is not None and capacity not in CAPACITY_TYPES:
        raise _invalid_parameter(f"capacityType must be one of {', '.join(CAPACITY_TYPES)}")
    if capacity != "CAPACITY_BLOCK":
        if (template_data.get("InstanceMarketOptions") or {}).get("MarketType") == "capacity-block":
            raise _invalid_parameter("A launch template with MarketType capacity-block needs capacityType CAPACITY_BLOCK.")
        return
    if not kwargs.get("launch_template"):
        raise _invalid_parameter("Capacity type CAPACITY_BLOCK is supported only with a launch template.")
    if (template_data.get("InstanceMarketOptions") or {}).get("MarketType") != "capacity-block":
        raise _invalid_parameter("Capacity type CAPACITY_BLOCK needs a launch template with MarketType capacity-block.")
    if not template_data.get("InstanceType") or kwargs.get("instance_types"):
        raise _invalid_parameter("Capacity type CAPACITY_BLOCK needs the instance type in the launch template, not in the nodegroup.")


def create_nodegroup(self: EKSBackend, cluster_name: str, **kwargs: Any) -> Nodegroup:
    cluster = self.clusters.get(cluster_name)
    if cluster is not None and kwargs.get("nodegroup_name") not in cluster.nodegroups and cluster.status == "ACTIVE":
        _check_scaling(kwargs.get("scaling_config"))
        vpc_id = (cluster.resources_vpc_config or {}).get("vpcId")
        for subnet_id in kwargs.get("subnets") or []:  # AWS: subnets must exist in the cluster's VPC
            try:
                subnet = _ec2(self).get_subnet(subnet_id)
            except Exception:
                raise _invalid_parameter(f"The subnet ID '{subnet_id}' does not exist")
            if vpc_id and subnet.vpc_id != vpc_id:
                raise _invalid_parameter(f"Subnet {subnet_id} is not in the cluster's VPC {vpc_id}")
        if not kwargs.get("subnets"):
            raise _invalid_parameter("Subnets are required.")
        template_data = _check_launch_template(self, kwargs)
        _check_capacity_type(kwargs, template_data)
    else:
        template_data = {}
    nodegroup = _original_create_nodegroup(self, cluster_name=cluster_name, **kwargs)
    # AWS: a launch template with its own image makes the AMI type CUSTOM; its instance type is
    # the group's (moto invents AL2_x86_64 and t3.medium).
    if template_data.get("ImageId"):
        nodegroup.ami_type = "CUSTOM"
    if template_data.get("InstanceType"):
        nodegroup.instance_types = [template_data["InstanceType"]]
    cluster = self.clusters[cluster_name]
    # AWS: the nodegroup gets the cluster's Kubernetes version unless one is given (moto: 1.19).
    if not kwargs.get("version"):
        nodegroup.version = cluster.version
    nodegroup.health = {"issues": []}  # moto shares one dict between all nodegroups
    nodegroup.scaling_config = dict(nodegroup.scaling_config)
    # AWS keeps the update config (default: one node at a time); moto dropped it (see
    # create_nodegroup_response for the one asked for).
    nodegroup.update_config = {"maxUnavailable": 1}
    # AWS: node auto repair is off unless asked for (create_nodegroup_response), and
    # DescribeNodegroup says so; moto dropped the field.
    nodegroup.node_repair_config = {"enabled": False}
    nodegroup._eksup_managed = True
    nodegroup._eksup_remote_access = bool(kwargs.get("remote_access"))
    # AWS shows remoteAccess only when it was asked for, and no diskSize for a group with a launch
    # template (the template has the disk); moto made up `eksKeypair` and 20 GiB.
    if not kwargs.get("remote_access"):
        nodegroup.remote_access = None
    if kwargs.get("launch_template") and not kwargs.get("disk_size"):
        nodegroup.disk_size = None
    nodegroup._eksup_hold = True  # released once the CreateNodegroup response is serialized
    try:
        _launch_managed_instances(self, cluster, nodegroup, bool(kwargs.get("instance_types")))
    except Exception:
        del cluster.nodegroups[nodegroup.nodegroup_name]
        cluster.nodegroup_count -= 1
        raise
    if not kwargs.get("release_version"):
        # AWS: the AMI ID for a custom AMI, else the EKS AMI's release (moto: 1.19.8-20210414).
        try:
            image = _ec2(self).get_launch_template(nodegroup._eksup_launch_template_id).get_version(1).image_id
        except Exception:
            image = None
        if nodegroup.ami_type == "CUSTOM":
            nodegroup.release_version = image or nodegroup.release_version
        else:
            nodegroup.release_version = _release_version(self, image, nodegroup.version)
    delay = _create_delay("nodegroup")
    if delay > 0:  # decide ACTIVE / CREATE_FAILED at the moment the creation ends
        timer = threading.Timer(delay, decide_nodegroup, [nodegroup])
        timer.daemon = True
        timer.start()
        self.__dict__.setdefault("_eksup_timers", []).append(timer)
    return nodegroup


_original_create_nodegroup_response = EKSResponse.create_nodegroup


def create_nodegroup_response(self: EKSResponse) -> ActionResult:
    """moto's response does not pass ``updateConfig`` and ``nodeRepairConfig`` on: keep the ones
    asked for (the repair configuration checked first, so that a refused request makes nothing)."""
    repair = _check_node_repair(self._get_param("nodeRepairConfig"))
    result = _original_create_nodegroup_response(self)
    cluster = self.eks_backend.clusters.get(self._get_param("name"))
    nodegroup = cluster.nodegroups.get(self._get_param("nodegroupName")) if cluster is not None else None
    if nodegroup is not None and self._get_param("updateConfig"):
        nodegroup.update_config = dict(self._get_param("updateConfig"))
    if nodegroup is not None and repair is not None:
        nodegroup.node_repair_config = repair
    return result


# NodeRepairConfig: the count and percentage forms of each threshold, which exclude each other.
NODE_REPAIR_PAIRS = (("maxUnhealthyNodeThresholdCount", "maxUnhealthyNodeThresholdPercentage"),
                     ("maxParallelNodesRepairedCount", "maxParallelNodesRepairedPercentage"))
# NodeRepairConfigOverrides: all four are needed; RepairAction is the API's enum.
NODE_REPAIR_OVERRIDE_FIELDS = ("nodeMonitoringCondition", "nodeUnhealthyReason", "minRepairWaitTimeMins", "repairAction")
REPAIR_ACTIONS = ("Replace", "Reboot", "NoAction")


def _check_integer(path: str, value: Any, low: int, high: int | None = None) -> None:
    """NonZeroInteger (>= 1) / PercentCapacity (1..100); botocore checks only the minimum."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise _constraint(path, value, "Member must be an integer")
    if value < low:
        raise _constraint(path, value, f"Member must have value greater than or equal to {low}")
    if high is not None and value > high:
        raise _constraint(path, value, f"Member must have value less than or equal to {high}")


def _check_node_repair(config: Any) -> dict[str, Any] | None:
    """AWS's rules for a NodeRepairConfig (CreateNodegroup, UpdateNodegroupConfig); returns it as
    DescribeNodegroup will show it (``enabled`` false when not given), None when not given."""
    if config is None:
        return None
    if not isinstance(config, dict):
        raise _invalid_parameter("nodeRepairConfig must be an object")
    if "enabled" in config and not isinstance(config["enabled"], bool):
        raise _constraint("nodeRepairConfig.enabled", config["enabled"], "Member must be a boolean")
    for count, percentage in NODE_REPAIR_PAIRS:
        if config.get(count) is not None and config.get(percentage) is not None:
            raise _invalid_parameter(f"You cannot specify both {count} and {percentage} in nodeRepairConfig.")
        if config.get(count) is not None:
            _check_integer(f"nodeRepairConfig.{count}", config[count], 1)
        if config.get(percentage) is not None:
            _check_integer(f"nodeRepairConfig.{percentage}", config[percentage], 1, 100)
    overrides = config.get("nodeRepairConfigOverrides")
    if overrides is not None:
        if not isinstance(overrides, list):
            raise _invalid_parameter("nodeRepairConfig.nodeRepairConfigOverrides must be a list")
        for index, override in enumerate(overrides, 1):
            path = f"nodeRepairConfig.nodeRepairConfigOverrides.{index}.member"
            missing = [f for f in NODE_REPAIR_OVERRIDE_FIELDS if not isinstance(override, dict) or override.get(f) in (None, "")]
            if missing:
                raise _invalid_parameter(f"Each nodeRepairConfigOverrides entry must specify nodeMonitoringCondition, "
                                         f"nodeUnhealthyReason, minRepairWaitTimeMins and repairAction; entry {index} "
                                         f"lacks {', '.join(missing)}.")
            for text in ("nodeMonitoringCondition", "nodeUnhealthyReason"):
                if not isinstance(override[text], str):
                    raise _constraint(f"{path}.{text}", override[text], "Member must be a string")
            _check_integer(f"{path}.minRepairWaitTimeMins", override["minRepairWaitTimeMins"], 1)
            _enum(f"{path}.repairAction", override["repairAction"], REPAIR_ACTIONS)
    return {"enabled": False, **copy.deepcopy(config)}


def delete_nodegroup(self: EKSBackend, cluster_name: str, nodegroup_name: str) -> Nodegroup:
    nodegroup = self.describe_nodegroup(cluster_name, nodegroup_name)
    _mark_deleting(nodegroup, f"Nodegroup {nodegroup_name}")
    _delete_managed_instances(self, nodegroup)
    sweep(self)
    return nodegroup


def reset(self: EKSBackend) -> None:
    """/moto-api/reset: stop timers and the Kubernetes side first (servers, threads)."""
    for timer in self.__dict__.get("_eksup_timers", []):
        timer.cancel()
    fire("backend_reset", self)
    BaseBackend.reset(self)


_original_create_fargate_profile = EKSBackend.create_fargate_profile


def create_fargate_profile(self: EKSBackend, fargate_profile_name: str, cluster_name: str, **kwargs: Any) -> FargateProfile:
    cluster = self.clusters.get(cluster_name)
    if cluster is not None and fargate_profile_name not in cluster.fargate_profiles:
        busy = [p.fargate_profile_name for p in cluster.fargate_profiles.values() if p.status in ("CREATING", "DELETING")]
        if busy:
            raise _in_use(f"Cannot create Fargate Profile {fargate_profile_name} because cluster {cluster_name} "
                          f"currently has Fargate profile {busy[0]} in status {cluster.fargate_profiles[busy[0]].status}")
        # AWS: Fargate does not run in Local Zones (EKS user guide); its refusal of a zone without
        # Fargate is this InvalidParameterException (eksctl pkg/fargate/create.go and its test).
        ec2 = _ec2(self)
        for subnet_id in kwargs.get("subnets") or []:
            try:
                zone = ec2.get_subnet(subnet_id).availability_zone
            except Exception:
                continue
            if _zone_type(ec2, zone) != "availability-zone":
                raise _invalid_parameter(f"Fargate Profile creation for the Availability Zone {zone} for Subnet {subnet_id} "
                                         f"is not supported")
    return _original_create_fargate_profile(self, fargate_profile_name=fargate_profile_name, cluster_name=cluster_name, **kwargs)


def delete_fargate_profile(self: EKSBackend, cluster_name: str, fargate_profile_name: str) -> FargateProfile:
    profile = self.describe_fargate_profile(cluster_name, fargate_profile_name)
    cluster = self.clusters[cluster_name]
    busy = [p for p in cluster.fargate_profiles.values() if p is not profile and p.status == "DELETING"]
    if busy:
        raise _in_use(f"Cannot delete Fargate Profile {fargate_profile_name} because cluster {cluster_name} "
                      f"currently has Fargate profile {busy[0].fargate_profile_name} in status DELETING")
    _mark_deleting(profile, f"Fargate profile {fargate_profile_name}")
    sweep(self)
    return profile


def _cluster(backend: EKSBackend, name: str) -> Cluster:
    try:
        return backend.clusters[name]
    except KeyError:
        raise _not_found(f"No cluster found for name: {name}.")


def list_nodegroups(self: EKSBackend, cluster_name: str, max_results: int, next_token: str | None) -> Any:
    return paginated_list(list(_cluster(self, cluster_name).nodegroups), max_results, next_token)


def list_fargate_profiles(self: EKSBackend, cluster_name: str, max_results: int, next_token: str | None) -> Any:
    return paginated_list(list(_cluster(self, cluster_name).fargate_profiles), max_results, next_token)


# ---------------------------------------------------------------------------------------
# Updates (update-cluster-config, update-nodegroup-config, update-addon, describe-update)
# ---------------------------------------------------------------------------------------
def _updates(cluster: Cluster) -> dict[str, dict[str, Any]]:
    return cluster.__dict__.setdefault("_eksup_updates", {})


def _record_update(cluster: Cluster, update_type: str, params: list[dict[str, str]], target: str | None = None,
                   seconds: float | None = None, finish: Callable[[dict[str, Any]], str] | None = None,
                   backend: EKSBackend | None = None) -> dict[str, Any]:
    """EKS applies updates asynchronously: a cluster's update is InProgress for
    MOTO_EKS_UPDATE_SECONDS (or `seconds`), then Successful (node group config updates: at
    once). `finish(update)` runs once when the time is up (at the first read of the status
    after it, or by a timer) and returns the final status. Returns the stored update."""
    if seconds is None:
        seconds = _seconds("MOTO_EKS_UPDATE_SECONDS") if target is None else 0.0
    status = "InProgress" if seconds > 0 or finish is not None else "Successful"
    update = {"id": str(uuid.uuid4()), "status": status, "type": update_type, "params": params, "createdAt": utcnow(), "errors": []}
    stored = dict(update, _target=target, _seconds=seconds, _finish=finish)
    _updates(cluster)[update["id"]] = stored
    if finish is not None and seconds > 0 and backend is not None:  # decided on time even if nobody asks
        timer = threading.Timer(seconds + 0.01, _update_status, [stored])
        timer.daemon = True
        timer.start()
        backend.__dict__.setdefault("_eksup_timers", []).append(timer)
    return stored


def _public(update: dict[str, Any]) -> dict[str, Any]:
    """The `Update` shape of a stored update (a snapshot)."""
    return {k: v for k, v in update.items() if not k.startswith("_")}


def _update_status(update: dict[str, Any]) -> str:
    if update["status"] != "InProgress" or _age(update["createdAt"]) < update.get("_seconds", 0):
        return update["status"]
    with _DECIDE_LOCK:
        # Re-entered by the thread that is finishing it (a hook reading a status): still InProgress.
        if update["status"] == "InProgress" and not update.get("_finishing"):
            finish = update.get("_finish")
            if finish is None:
                update["status"] = "Successful"
            else:
                update["_finishing"] = True
                try:
                    update["status"] = finish(update)
                except Exception:
                    traceback.print_exc()
                    update["errors"] = [{"errorCode": "Unknown", "errorMessage": "The emulator failed to apply the update", "resourceIds": []}]
                    update["status"] = "Failed"
                finally:
                    update["_finishing"] = False
    return update["status"]


def _update_in_progress(cluster: Cluster) -> dict[str, Any] | None:
    """The cluster's own update (not a node group's or add-on's) still in progress."""
    for update in list(_updates(cluster).values()):
        if update["_target"] is None and _update_status(update) == "InProgress":
            return update
    return None


def _target_in_progress(cluster: Cluster, target: str) -> dict[str, Any] | None:
    """An update of a node group (`nodegroup:<name>`) or add-on still in progress."""
    for update in list(_updates(cluster).values()):
        if update["_target"] == target and _update_status(update) == "InProgress":
            return update
    return None


def _json(value: Any) -> str:
    """An update param value: strings as is, anything else as compact JSON in the order given
    (as AWS's params show it: ``{"clusterLogging":[{"types":["api"],"enabled":true}]}``)."""
    return value if isinstance(value, str) else json.dumps(value, separators=(",", ":"), default=str)


EGRESS_MODES = ("AWS_MANAGED", "CUSTOMER_ROUTED", "CUSTOMER_ISOLATED")


def _check_egress_mode(current: str | None, wanted: str | None) -> None:
    """``resourcesVpcConfig.controlPlaneEgressMode`` (EKS's API reference, VpcConfigRequest): one
    of AWS's values; "Once set to CUSTOMER_ROUTED, this setting cannot be changed back to
    AWS_MANAGED on the same cluster" (wording of the refusal UNVERIFIED)."""
    if wanted is None:
        return
    if wanted not in EGRESS_MODES:
        raise _invalid_parameter(f"controlPlaneEgressMode must be one of {', '.join(EGRESS_MODES)}")
    if current == "CUSTOMER_ROUTED" and wanted == "AWS_MANAGED":
        raise _invalid_parameter("controlPlaneEgressMode cannot be changed from CUSTOMER_ROUTED to AWS_MANAGED.")


# UpdateClusterConfig's request members this module applies -> their update type. AWS applies one
# kind of update per call ("Only one type of update can be allowed.").
CLUSTER_UPDATE_TYPES = {
    "resourcesVpcConfig": "EndpointAccessUpdate",
    "logging": "LoggingUpdate",
    "accessConfig": "AccessConfigUpdate",
    "controlPlaneScalingConfig": "ControlPlaneScalingConfigUpdate",
    "remoteNetworkConfig": "RemoteNetworkConfigUpdate",
    "computeConfig": "AutoModeUpdate",
    "storageConfig": "AutoModeUpdate",
    "kubernetesNetworkConfig": "AutoModeUpdate",
}


def _record_cluster_update(backend: EKSBackend, cluster: Cluster, update_type: str, params: list[dict[str, str]],
                           effect: Callable[[], None]) -> dict[str, Any]:
    """A cluster update whose `effect` happens when it is Successful: at once without
    MOTO_EKS_UPDATE_SECONDS (the update is Successful in the response), else when the delay ends
    (at the first read of its status after it, or by a timer)."""
    if _seconds("MOTO_EKS_UPDATE_SECONDS") <= 0:
        effect()
        return _record_update(cluster, update_type, params)

    def finish(update: dict[str, Any]) -> str:
        effect()
        return "Successful"

    return _record_update(cluster, update_type, params, finish=finish, backend=backend)


def _update_remote_networks(backend: EKSBackend, cluster: Cluster, remote: dict[str, Any]) -> ActionResult:
    """UpdateClusterConfig's ``remoteNetworkConfig`` (the API reference: "You can add, change, or
    remove this configuration after the cluster is created"). AWS's user guide for hybrid nodes on
    existing clusters: a list left out stays as it is, a list given replaces the cluster's whole,
    an empty one removes it (no node networks: hybrid nodes off; pod networks cannot stay without
    node networks). The result is checked as at CreateCluster (an authentication mode with access
    entries, AWS's ranges and overlaps); an update that changes nothing is refused with "No
    changes detected" (the words eksctl's ``updateRemoteNetworkConfig`` looks for; the exception
    type is UNVERIFIED), else a ``RemoteNetworkConfigUpdate`` whose end puts the networks in place."""
    before = dict(cluster.remote_network_config or {})
    after = dict(before)
    for key in ("remoteNodeNetworks", "remotePodNetworks"):
        if key in remote and remote[key] is not None:
            after[key] = remote[key]
    after = {k: v for k, v in after.items() if v}

    def cidrs(config: dict[str, Any]) -> dict[str, list[str]]:
        return {k: sorted(c for e in config.get(k) or [] for c in e.get("cidrs") or [])
                for k in ("remoteNodeNetworks", "remotePodNetworks")}

    if cidrs(after) == cidrs(before):
        raise _invalid_parameter("No changes detected in remoteNetworkConfig")
    mode = (cluster.access_config or {}).get("authenticationMode") or "CONFIG_MAP"
    if after.get("remoteNodeNetworks") and mode not in ("API", "API_AND_CONFIG_MAP"):
        raise _invalid_parameter("remoteNetworkConfig requires the cluster's authenticationMode to be API or API_AND_CONFIG_MAP")
    network = cluster.__dict__.get("kubernetes_network_config") or {}
    _check_remote_networks(backend, after, cluster.resources_vpc_config["vpcId"], network.get("serviceIpv4Cidr"))
    params = [{"type": "RemoteNetworkConfig", "value": _json(remote)}]

    def apply() -> None:
        cluster.remote_network_config = after or None

    update = _record_cluster_update(backend, cluster, "RemoteNetworkConfigUpdate", params, apply)
    return ActionResult({"update": _public(update)})


def update_cluster_config_response(self: EKSResponse) -> ActionResult:
    name = self._get_param("name")
    cluster = _cluster(self.eks_backend, name)
    vpc_config = self._get_param("resourcesVpcConfig")
    logging = self._get_param("logging")
    access_config = self._get_param("accessConfig")
    scaling = self._get_param("controlPlaneScalingConfig")
    asked = sorted({kind for member, kind in CLUSTER_UPDATE_TYPES.items() if self._get_param(member) is not None})
    if len(asked) > 1:
        raise _invalid_parameter("Only one type of update can be allowed.")
    tier = _check_tier(scaling, required=True) if scaling is not None else None
    busy = _update_in_progress(cluster)
    if busy is not None:
        raise _in_use(f"Cannot {asked[0] if asked else 'ConfigUpdate'} because cluster {name} currently has update "
                      f"{busy['id']} in progress")
    if cluster.status != "ACTIVE":
        raise _in_use(f"Cluster {name} is currently {cluster.status} and cannot be updated.")
    remote = self._get_param("remoteNetworkConfig")
    if remote is not None:
        return _update_remote_networks(self.eks_backend, cluster, remote)
    if asked == ["AutoModeUpdate"]:
        return _update_auto_mode(self.eks_backend, cluster, self)
    params = []
    update_type = "ConfigUpdate"
    if vpc_config and vpc_config.get("subnetIds"):
        refusal = _control_plane_zone_refusal(self.eks_backend, name, vpc_config["subnetIds"])
        if refusal is not None:  # UpdateClusterConfig's model has no UnsupportedAvailabilityZoneException
            raise _invalid_parameter(refusal[0])
    if vpc_config and "controlPlaneEgressMode" in vpc_config:
        _check_egress_mode(cluster.resources_vpc_config.get("controlPlaneEgressMode"), vpc_config["controlPlaneEgressMode"])
    if vpc_config:
        cluster.resources_vpc_config.update(vpc_config)  # AWS merges; moto replaced the whole dict
        update_type = "EndpointAccessUpdate"
        params += [{"type": k[0].upper() + k[1:], "value": _json(v)} for k, v in vpc_config.items()]
    if logging:
        cluster.logging = logging
        # AWS: turning a log type on makes the cluster's log group (when the update is done).
        params.append({"type": "ClusterLogging", "value": _json(logging)})
        backend = self.eks_backend
        update = _record_cluster_update(backend, cluster, "LoggingUpdate", params, lambda: _ensure_log_group(backend, cluster))
        return ActionResult({"update": _public(update)})
    if tier is not None:
        previous = (cluster.__dict__.get("control_plane_scaling_config") or {}).get("tier", "standard")
        params = [{"type": "UpdatedTier", "value": tier}, {"type": "PreviousTier", "value": previous}]

        def retier() -> None:  # the cluster is on the new tier once the update is done
            cluster.control_plane_scaling_config = {"tier": tier}

        update = _record_cluster_update(self.eks_backend, cluster, "ControlPlaneScalingConfigUpdate", params, retier)
        return ActionResult({"update": _public(update)})
    if access_config:
        mode = access_config.get("authenticationMode")
        current = cluster.access_config["authenticationMode"]
        allowed = {"CONFIG_MAP": {"API_AND_CONFIG_MAP"}, "API_AND_CONFIG_MAP": {"API"}, "API": set()}
        if mode and mode != current and mode not in allowed.get(current, set()):
            raise InvalidParameterException(message=f"Unsupported authentication mode update from {current} to {mode}")
        if mode:
            cluster.access_config["authenticationMode"] = mode
        update_type = "AccessConfigUpdate"
        params.append({"type": "AuthenticationMode", "value": _json(mode)})
    return ActionResult({"update": _public(_record_update(cluster, update_type, params))})


_original_update_nodegroup_config = EKSBackend.update_nodegroup_config


def update_nodegroup_config(self: EKSBackend, cluster_name: str, nodegroup_name: str, **kwargs: Any) -> dict[str, Any]:
    nodegroup = self.describe_nodegroup(cluster_name, nodegroup_name)
    repair = _check_node_repair(kwargs.get("node_repair_config"))
    busy = _target_in_progress(self.clusters[cluster_name], f"nodegroup:{nodegroup_name}")
    if busy is not None:  # AWS: one node group update at a time (a version update takes a while)
        raise _in_use(f"Cannot ConfigUpdate because nodegroup {nodegroup_name} currently has update {busy['id']} in progress")
    scaling = kwargs.get("scaling_config")
    if scaling:
        _check_scaling({**nodegroup.scaling_config, **scaling})
    update = _original_update_nodegroup_config(self, cluster_name=cluster_name, nodegroup_name=nodegroup_name, **kwargs)
    if repair is not None:  # AWS: the configuration given replaces the node group's
        nodegroup.node_repair_config = repair
    asg = nodegroup.__dict__.get("_eksup_asg")
    if scaling and asg:  # AWS resizes the nodegroup's Auto Scaling group
        group = _autoscaling(self).autoscaling_groups.get(asg)
        if group is not None:
            group.min_size = nodegroup.scaling_config.get("minSize", group.min_size)
            group.max_size = nodegroup.scaling_config.get("maxSize", group.max_size)
            _autoscaling(self).set_desired_capacity(asg, nodegroup.scaling_config.get("desiredSize", group.desired_capacity))
    update["params"] = _nodegroup_config_params(kwargs)
    _updates(self.clusters[cluster_name])[update["id"]] = dict(update, _target=f"nodegroup:{nodegroup_name}")
    return update


def _nodegroup_config_params(kwargs: dict[str, Any]) -> list[dict[str, str]]:
    """The params of a node group ConfigUpdate as AWS lists them (UpdateParamType): one per label
    and taint change, per size and per update setting (moto: Labels, ScalingConfig, ... which
    are not in the enum); the repair configuration as one NodeRepairConfig param."""
    params: list[dict[str, str]] = []

    def add(kind: str, value: Any) -> None:
        if value is not None:
            params.append({"type": kind, "value": _json(value)})

    labels, taints = kwargs.get("labels") or {}, kwargs.get("taints") or {}
    add("LabelsToAdd", labels.get("addOrUpdateLabels"))
    add("LabelsToRemove", labels.get("removeLabels"))
    add("TaintsToAdd", taints.get("addOrUpdateTaints"))
    add("TaintsToRemove", taints.get("removeTaints"))
    scaling, update = kwargs.get("scaling_config") or {}, kwargs.get("update_config") or {}
    for key, kind in (("minSize", "MinSize"), ("maxSize", "MaxSize"), ("desiredSize", "DesiredSize")):
        add(kind, scaling.get(key))
    for key, kind in (("maxUnavailable", "MaxUnavailable"), ("maxUnavailablePercentage", "MaxUnavailablePercentage"),
                      ("updateStrategy", "UpdateStrategy")):
        add(kind, update.get(key))
    add("NodeRepairConfig", kwargs.get("node_repair_config"))
    return params


def _update_target(response: EKSResponse, cluster: Cluster) -> str | None:
    """The target named by nodegroupName / addonName (which must exist), None for the cluster."""
    nodegroup, addon = response._get_param("nodegroupName"), response._get_param("addonName")
    if nodegroup:
        if nodegroup not in cluster.nodegroups:
            raise _not_found(f"No node group found for name: {nodegroup}.")
        return f"nodegroup:{nodegroup}"
    if addon:
        _addon(cluster, addon)
        return f"addon:{addon}"
    return None


def describe_update_response(self: EKSResponse) -> ActionResult:
    """AWS: a node group's (add-on's) update is found only with its nodegroupName (addonName),
    a cluster's only without them."""
    cluster = _cluster(self.eks_backend, self._get_param("name"))
    target = _update_target(self, cluster)
    update = _updates(cluster).get(self._get_param("updateId"))
    if update is None or update["_target"] != target:
        raise _not_found(f"No update found for ID: {self._get_param('updateId')}")
    _update_status(update)
    return ActionResult({"update": _public(update)})


def list_updates_response(self: EKSResponse) -> ActionResult:
    cluster = _cluster(self.eks_backend, self._get_param("name"))
    target = _update_target(self, cluster)
    ids = [i for i, u in _updates(cluster).items() if u["_target"] == target]
    return ActionResult({"updateIds": ids})


# ---------------------------------------------------------------------------------------
# Idempotent updates (UpdateClusterVersion, UpdateNodegroupVersion: clientRequestToken)
# ---------------------------------------------------------------------------------------
def _replayed_update(response: EKSResponse, cluster: Cluster) -> ActionResult | None:
    """The update a repeated request (same token, same parameters) made, in its current state."""
    token = response._get_param("clientRequestToken")
    saved = cluster.__dict__.get("_eksup_update_tokens", {}).get(token) if token else None
    if saved is None or saved[0] != _request_fingerprint(response):
        return None
    update = _updates(cluster).get(saved[1])
    if update is None:
        return None
    _update_status(update)
    return ActionResult({"update": _public(update)})


def _remember_update(response: EKSResponse, cluster: Cluster, update: dict[str, Any]) -> None:
    token = response._get_param("clientRequestToken")
    if token:
        cluster.__dict__.setdefault("_eksup_update_tokens", {})[token] = (_request_fingerprint(response), update["id"])


# ---------------------------------------------------------------------------------------
# Kubernetes versions: DescribeClusterVersions, UpdateClusterVersion
# ---------------------------------------------------------------------------------------
# Patch release of each Kubernetes minor (/version, kubelets, kubernetesPatchVersion, releaseVersion).
PATCH_RELEASES = {28: 15, 29: 15, 30: 14, 31: 13, 32: 9, 33: 5, 34: 2, 35: 0}
DEFAULT_VERSION = "1.34"  # EKS's (and eksup's) default Kubernetes version
# The latest platform version of each minor (new clusters and upgraded ones get it).
PLATFORM_VERSIONS = {23: "eks.18", 24: "eks.16", 25: "eks.14", 26: "eks.12", 27: "eks.10", 28: "eks.53", 29: "eks.46",
                     30: "eks.40", 31: "eks.36", 32: "eks.27", 33: "eks.20", 34: "eks.12", 35: "eks.5"}
# The day the support statuses below are computed for (a fixed snapshot, not the clock).
SUPPORT_AS_OF = datetime.datetime(2026, 11, 27, tzinfo=datetime.timezone.utc)
# Release dates: a fictional calendar (about one minor every 3.3 months) chosen so that, with
# EKS's policy (14 months of standard support, then 12 of extended support), every version of
# SUPPORTED_VERSIONS is supported on SUPPORT_AS_OF: 1.28-1.31 extended, 1.32-1.35 standard;
# 1.23-1.27 are past their end of extended support (listed only with includeAll).
RELEASE_DATES = {23: (2023, 6, 20), 24: (2023, 9, 26), 25: (2024, 1, 2), 26: (2024, 4, 9), 27: (2024, 7, 16), 28: (2024, 10, 22),
                 29: (2025, 1, 28), 30: (2025, 5, 6), 31: (2025, 8, 12), 32: (2025, 11, 18), 33: (2026, 2, 24), 34: (2026, 6, 2),
                 35: (2026, 9, 8)}


def _months_later(day: tuple[int, int, int], months: int) -> datetime.datetime:
    year, month = divmod(day[1] - 1 + months, 12)
    return datetime.datetime(day[0] + year, month + 1, day[2], tzinfo=datetime.timezone.utc)


def _platform_version(version: str) -> str:
    return PLATFORM_VERSIONS.get(_minor(version), "eks.1")


def _version_information(minor: int) -> dict[str, Any]:
    released = _months_later(RELEASE_DATES[minor], 0)
    standard_end, extended_end = _months_later(RELEASE_DATES[minor], 14), _months_later(RELEASE_DATES[minor], 26)
    status = ("STANDARD_SUPPORT" if SUPPORT_AS_OF < standard_end else
              "EXTENDED_SUPPORT" if SUPPORT_AS_OF < extended_end else "UNSUPPORTED")
    return {
        "clusterVersion": f"1.{minor}",
        "clusterType": "eks",
        "defaultPlatformVersion": PLATFORM_VERSIONS[minor],
        "defaultVersion": f"1.{minor}" == DEFAULT_VERSION,
        "releaseDate": released,
        "endOfStandardSupportDate": standard_end,
        "endOfExtendedSupportDate": extended_end,
        "status": status.lower().replace("_", "-"),
        "versionStatus": status,
        "kubernetesPatchVersion": f"1.{minor}.{PATCH_RELEASES.get(minor, 0)}",
    }


def _query_list(response: EKSResponse, name: str) -> list[str]:
    values = response.querystring.get(name) or []
    return [v for value in values for v in str(value).split(",") if v]


def _query_bool(response: EKSResponse, name: str) -> bool | None:
    value = response._get_param(name)
    if value is None:
        return None
    if str(value).lower() not in ("true", "false"):
        raise _invalid_parameter(f"Invalid value for {name}: {value}")
    return str(value).lower() == "true"


def _page(items: list[Any], response: EKSResponse, limit: int = 100) -> tuple[list[Any], str | None]:
    """maxResults (1..limit) / nextToken (an opaque offset) pagination."""
    max_results = response._get_param("maxResults")
    try:
        size = limit if max_results is None else int(max_results)
    except ValueError:
        raise _invalid_parameter(f"Invalid maxResults: {max_results}")
    if not 1 <= size <= limit:
        raise _invalid_parameter(f"maxResults must be between 1 and {limit}")
    token = response._get_param("nextToken")
    start = 0
    if token:
        try:
            start = int(base64.urlsafe_b64decode(token.encode()).decode())
        except Exception:
            raise _invalid_parameter("The nextToken is invalid")
    end = start + size
    return items[start:end], base64.urlsafe_b64encode(str(end).encode()).decode() if end < len(items) else None


def describe_cluster_versions(self: EKSResponse) -> ActionResult:
    cluster_type = self._get_param("clusterType")
    default_only = _query_bool(self, "defaultOnly")
    include_all = _query_bool(self, "includeAll")
    wanted = _query_list(self, "clusterVersions")
    version_status = self._get_param("versionStatus")
    status = self._get_param("status")
    if version_status is not None and version_status not in ("UNSUPPORTED", "STANDARD_SUPPORT", "EXTENDED_SUPPORT"):
        raise _invalid_parameter(f"Invalid versionStatus: {version_status}")
    if status is not None and status not in ("unsupported", "standard-support", "extended-support"):
        raise _invalid_parameter(f"Invalid status: {status}")
    versions = []
    for minor in sorted(RELEASE_DATES, reverse=True):  # newest first, like AWS
        info = _version_information(minor)
        if info["versionStatus"] == "UNSUPPORTED" and not include_all and version_status != "UNSUPPORTED" and status != "unsupported":
            continue
        if cluster_type and cluster_type != info["clusterType"]:
            continue
        if default_only and not info["defaultVersion"]:
            continue
        if wanted and info["clusterVersion"] not in wanted:
            continue
        if version_status and info["versionStatus"] != version_status:
            continue
        if status and info["status"] != status:
            continue
        versions.append(info)
    page, token = _page(versions, self)
    return ActionResult({"clusterVersions": page, "nextToken": token})


class InvalidStateException(EKSError):
    """moto.eks has no InvalidStateException (HTTP 400, `clusterName` + `message`)."""

    TYPE = "InvalidStateException"
    STATUS = 400


def _finish_cluster_version(cluster: Cluster, version: str) -> Callable[[dict[str, Any]], str]:
    def finish(update: dict[str, Any]) -> str:
        cluster.version = version
        cluster.platformVersion = _platform_version(version)
        return "Successful"

    return finish


def _check_updatable(cluster: Cluster, asked: str) -> None:
    """AWS refuses a cluster update while another is in progress or the cluster is not ACTIVE."""
    busy = _update_in_progress(cluster)
    if busy is not None:
        raise _in_use(f"Cannot {asked} because cluster {cluster.name} currently has update {busy['id']} in progress")
    if cluster.status != "ACTIVE":
        raise _in_use(f"Cluster {cluster.name} is currently {cluster.status} and cannot be updated.")


def update_cluster_version(self: EKSResponse) -> ActionResult:
    """AWS: only the next minor version; refused while the cluster is not ACTIVE or has an update
    in progress, while a managed node group is behind the cluster, and (unless `force`) while an
    upgrade insight for that version is ERROR. The version changes when the update succeeds."""
    name = self._get_param("name")
    cluster = _cluster(self.eks_backend, name)
    with _IDEMPOTENCY_LOCK:
        replay = _replayed_update(self, cluster)
        if replay is not None:
            return replay
        version = self._get_param("version")
        force = self._get_param("force") in (True, "true", "True")
        _check_updatable(cluster, "VersionUpdate")
        if not version or version not in SUPPORTED_VERSIONS:
            raise _invalid_parameter(f"unsupported Kubernetes version {version}")
        if _minor(version) != _minor(cluster.version) + 1:
            raise _invalid_parameter(f"Unsupported Kubernetes minor version update from {cluster.version} to {version}")
        behind = sorted(n for n, ng in cluster.nodegroups.items() if not _deleting(ng) and ng.version != cluster.version)
        if behind:
            raise _invalid_parameter(f"Nodegroups {','.join(behind)} must be updated to match cluster version {cluster.version} "
                                     "before updating cluster version")
        if not force:
            failing = [i["name"] for i in compute_insights(self.eks_backend, cluster)
                       if i["kubernetesVersion"] == version and i["insightStatus"]["status"] == "ERROR"]
            if failing:
                raise InvalidStateException(
                    clusterName=name,
                    message="Upgrade readiness issues detected. Call the EKS ListInsights API to view upgrade blocking issues detected "
                            "by EKS. Pass the force flag to override upgrade readiness errors and proceed with upgrade. "
                            f"Failing insights for Kubernetes {version}: {', '.join(failing)}.")
        params = [{"type": "Version", "value": version}, {"type": "PlatformVersion", "value": "eks.1"}]
        # AWS: a rollback timeout of 120 to 10080 minutes (UpdateClusterVersion's RollbackConfig;
        # the update is cancelled when it has not finished by then, which the emulator's quick
        # updates never reach). Wording of the refusal UNVERIFIED.
        rollback = self._get_param("rollbackConfig") or {}
        minutes = rollback.get("timeoutMinutes")
        if minutes is not None:
            if not 120 <= int(minutes) <= 10080:
                raise _invalid_parameter("rollbackConfig.timeoutMinutes must be between 120 and 10080")
            params.append({"type": "RollbackTimeoutMinutes", "value": str(minutes)})
        update = _record_update(cluster, "VersionUpdate", params, finish=_finish_cluster_version(cluster, version), backend=self.eks_backend,
                                seconds=_seconds("MOTO_EKS_UPDATE_SECONDS"))
        _update_status(update)  # no delay: Successful at once
        _remember_update(self, cluster, update)
        return ActionResult({"update": _public(update)})


# ---------------------------------------------------------------------------------------
# AssociateEncryptionConfig: secrets encryption turned on for an existing cluster
# ---------------------------------------------------------------------------------------
def _check_kms_key(backend: EKSBackend, key_arn: str | None) -> None:
    """AWS: the key must be a symmetric, enabled KMS key in the cluster's Region."""
    from moto.kms.models import kms_backends

    if not key_arn or not key_arn.startswith("arn:") or f":kms:{backend.region_name}:" not in key_arn:
        raise _invalid_parameter(f"The KMS key {key_arn} must be a key ARN in {backend.region_name}")
    kms = kms_backends[backend.account_id][backend.region_name]
    key_id = key_arn.rsplit("/", 1)[-1]
    key = kms.keys.get(key_id)
    if key is None or key.key_state != "Enabled" or key.key_spec != "SYMMETRIC_DEFAULT":
        raise _invalid_parameter(f"The KMS key {key_arn} does not exist, is not enabled or is not symmetric")


def associate_encryption_config(self: EKSResponse) -> ActionResult:
    """AWS: secrets encryption can be turned on once and never off or changed; the cluster must
    be ACTIVE with no update in progress; the update takes a while (MOTO_EKS_UPDATE_SECONDS) and
    the cluster's encryptionConfig appears when it is Successful."""
    name = self._get_param("name")
    cluster = _cluster(self.eks_backend, name)
    with _IDEMPOTENCY_LOCK:
        replay = _replayed_update(self, cluster)
        if replay is not None:
            return replay
        config = self._get_param("encryptionConfig") or []
        _check_updatable(cluster, "AssociateEncryptionConfig")
        if cluster.encryption_config:
            raise InvalidRequestException(message=f"Cluster {name} already has encryption configured; it cannot be changed or removed")
        if len(config) != 1 or config[0].get("resources", ["secrets"]) != ["secrets"]:
            raise _invalid_parameter("encryptionConfig must have exactly one entry, for resources [secrets]")
        _check_kms_key(self.eks_backend, (config[0].get("provider") or {}).get("keyArn"))

        def finish(update: dict[str, Any]) -> str:
            cluster.encryption_config = config
            return "Successful"

        update = _record_update(cluster, "AssociateEncryptionConfig", [{"type": "EncryptionConfig", "value": _json(config)}],
                                finish=finish, backend=self.eks_backend, seconds=_seconds("MOTO_EKS_UPDATE_SECONDS"))
        _update_status(update)
        _remember_update(self, cluster, update)
        return ActionResult({"update": _public(update)})


# ---------------------------------------------------------------------------------------
# UpdateNodegroupVersion: a rolling update of a managed node group
# ---------------------------------------------------------------------------------------
def _image_name(backend: EKSBackend, image_id: str | None) -> str:
    try:
        return _ec2(backend).amis[image_id].name or ""
    except Exception:
        return ""


def _image_version(backend: EKSBackend, image_id: str | None) -> str | None:
    """The Kubernetes minor of a seeded EKS-optimized AMI ("1.34"), else None."""
    import re

    m = re.search(r"(?<![\d.])(1\.\d{2})(?![\d])", _image_name(backend, image_id))
    return m.group(1) if m else None


def _release_version(backend: EKSBackend, image_id: str | None, version: str) -> str:
    """AWS's releaseVersion of an EKS-optimized AMI: `<k8s patch>-<AMI date>` (AL2, AL2023) or
    the Bottlerocket version."""
    import re

    name = _image_name(backend, image_id)
    bottlerocket = re.search(r"-v(\d+\.\d+\.\d+-[0-9a-f]+)$", name)
    if bottlerocket:
        return bottlerocket.group(1)
    dated = re.search(r"-v(\d{8})$", name)
    return f"{version}.{PATCH_RELEASES.get(_minor(version), 0)}-{dated.group(1) if dated else '20251120'}"


def _template_version(template: Any, version: Any) -> Any:
    """A launch template's version by number, $Default or $Latest; None if there is none."""
    text = str(version or "$Default")
    if text.lower() in ("$default", "$latest"):
        return template.get_version(text)
    if text.isdigit() and 1 <= int(text) <= len(template.versions):
        return template.versions[int(text) - 1]
    return None


def _retire_instances(backend: EKSBackend, group: Any, ids: list[str], desired: int, max_size: int) -> None:
    """Take instances out of a managed node group's ASG (terminated) and set its size back."""
    group.instance_states = [s for s in group.instance_states if s.instance.id not in ids]
    group.desired_capacity = desired
    group.max_size = max_size
    if ids:
        try:
            _ec2(backend).terminate_instances(list(ids))
        except Exception:
            traceback.print_exc()


def _finish_nodegroup_version(backend: EKSBackend, state: dict[str, Any]) -> Callable[[dict[str, Any]], str]:
    """When the update's time is up: new nodes must be Ready (else NodeCreationFailure), the old
    nodes are drained (PodEvictionFailure unless force), then the old instances terminate."""

    def rollback(group: Any) -> None:
        _retire_instances(backend, group, state["new"], state["desired"], state["max"])
        group.launch_template_version = state["old_lt_version"]
        try:
            _ec2(backend).get_launch_template(state["template"]).default_version_number = int(state["old_lt_version"])
        except Exception:
            pass

    def finish(update: dict[str, Any]) -> str:
        nodegroup = state["nodegroup"]
        group = _autoscaling(backend).autoscaling_groups.get(nodegroup.__dict__.get("_eksup_asg") or "")
        if _deleting(nodegroup) or group is None:
            update["errors"] = [{"errorCode": "Unknown", "errorMessage": f"Node group {nodegroup.nodegroup_name} was deleted during the update",
                                 "resourceIds": [nodegroup.nodegroup_name]}]
            return "Failed"
        not_ready: list[str] = []
        if NODEGROUP_JOIN_CHECK and state["new"]:
            not_ready = [i for i in NODEGROUP_JOIN_CHECK[0](nodegroup) if i in state["new"]]
        if not_ready:
            rollback(group)
            update["errors"] = [{"errorCode": "NodeCreationFailure", "errorMessage": "Instances failed to join the kubernetes cluster",
                                 "resourceIds": sorted(not_ready)}]
            return "Failed"
        refused = NODEGROUP_DRAIN[0](nodegroup, state["old"], state["force"]) if NODEGROUP_DRAIN and state["old"] else []
        if refused and not state["force"]:
            rollback(group)
            update["errors"] = [{"errorCode": "PodEvictionFailure",
                                 "errorMessage": f"Reached max retries while trying to evict pods from nodes in node group {nodegroup.nodegroup_name}",
                                 "resourceIds": sorted(refused)}]
            return "Failed"
        _retire_instances(backend, group, state["old"], state["desired"], state["max"])
        nodegroup.version = state["version"]
        nodegroup.release_version = state["release"]
        if state.get("user_lt_version") is not None:
            nodegroup.launch_template["version"] = state["user_lt_version"]
        nodegroup.modified_at = utcnow()
        return "Successful"

    return finish


def update_nodegroup_version(self: EKSResponse) -> ActionResult:
    """AWS's rolling update: new instances from a new version of the EKS launch template, then
    (when they are Ready) the old nodes cordoned, drained and terminated."""
    backend = self.eks_backend
    cluster = _cluster(backend, _cluster_name(self))
    name = self._get_param("nodegroupName")
    nodegroup = cluster.nodegroups.get(name)
    if nodegroup is None:
        raise _not_found(f"No node group found for name: {name}.")
    with _IDEMPOTENCY_LOCK:
        replay = _replayed_update(self, cluster)
        if replay is not None:
            return replay
        busy = _target_in_progress(cluster, f"nodegroup:{name}")
        if busy is not None:
            raise _in_use(f"Cannot VersionUpdate because nodegroup {name} currently has update {busy['id']} in progress")
        status = nodegroup.status
        if status != "ACTIVE":
            raise _in_use(f"Nodegroup {name} is currently {status} and cannot be updated.")
        version, release = self._get_param("version"), self._get_param("releaseVersion")
        spec = self._get_param("launchTemplate") or {}
        force = self._get_param("force") in (True, "true", "True")
        target = version or nodegroup.version  # AWS: without a version, the latest AMI of the node group's version
        if _kubelet_minor(str(target)) is None or not str(target).startswith("1."):
            raise _invalid_parameter(f"Invalid Kubernetes version {target}")
        if _minor(target) > _minor(cluster.version):
            raise _invalid_parameter(f"Requested Kubernetes version {target} is newer than the cluster's Kubernetes version {cluster.version}")
        if _minor(target) < _minor(nodegroup.version):
            raise _invalid_parameter(f"Requested Kubernetes version {target} is older than the node group's Kubernetes version "
                                     f"{nodegroup.version}: node groups cannot be rolled back")
        custom = nodegroup.ami_type == "CUSTOM"
        if custom and version:
            raise _invalid_parameter("You cannot specify the field kubernetesVersion when using custom AMIs")
        if custom and release:
            raise _invalid_parameter("You cannot specify the field releaseVersion when using custom AMIs")
        ec2 = _ec2(backend)
        current = nodegroup.launch_template or {}
        source = None
        user_lt_version = None
        if spec:
            if not current.get("id"):
                raise _invalid_parameter("You cannot specify a launch template when updating a node group that was not created with one")
            if not spec.get("id") and not spec.get("name"):
                raise _invalid_parameter("Either the launch template ID or its name must be specified")
            if (spec.get("id") and spec["id"] != current.get("id")) or (spec.get("name") and spec["name"] != current.get("name")):
                raise _invalid_parameter(f"The launch template must be the one the node group was created with: "
                                         f"{current.get('name')} ({current.get('id')})")
            try:
                template = ec2.get_launch_template(current["id"])
            except Exception:
                raise _invalid_parameter(f"Launch template {current['id']} does not exist")
            source = _template_version(template, spec.get("version"))
            if source is None:
                raise _invalid_parameter(f"Launch template version {spec.get('version')} of {current['id']} does not exist")
            if source.data.get("ImageId") and not custom:
                raise _invalid_parameter(
                    "You cannot specify an AMI Type other than CUSTOM, when specifying an image id in your launch template.")
            user_lt_version = str(source.number)
        elif current.get("id"):
            try:
                source = _template_version(ec2.get_launch_template(current["id"]), current.get("version"))
            except Exception:
                source = None
        if custom:
            image = (source.data.get("ImageId") if source is not None else None) or None
            new_version = _image_version(backend, image) or nodegroup.version
            new_release = image or nodegroup.release_version
        else:
            image = _ami_for_type(backend, nodegroup.ami_type, target) or "ami-0eksup0managed0node"
            new_version = target
            new_release = _release_version(backend, image, target)
            if release and release != new_release:
                raise _invalid_parameter(f"Requested release version {release} is not valid for kubernetes version {target}.")
        group = _autoscaling(backend).autoscaling_groups.get(nodegroup.__dict__.get("_eksup_asg") or "")
        eks_template_id = nodegroup.__dict__.get("_eksup_launch_template_id")
        if group is None or not eks_template_id:
            raise InvalidRequestException(message=f"Nodegroup {name} has no Auto Scaling group to update")
        # A new version of the EKS launch template: the new image, and the user's template's data.
        eks_template = ec2.get_launch_template(eks_template_id)
        old_lt_version = str(group.launch_template_version)
        data = copy.deepcopy(eks_template.get_version(old_lt_version).data)
        if image:
            data["ImageId"] = image
        if source is not None:
            for key in ("UserData", "KeyName", "MetadataOptions", "BlockDeviceMappings"):
                if source.data.get(key) is not None:
                    data[key] = source.data[key]
                else:
                    data.pop(key, None)
            _user_data_type(data)
            if source.data.get("InstanceType"):
                data["InstanceType"] = source.data["InstanceType"]
        new_lt = eks_template.create_version(data, "EKS managed nodegroup")
        eks_template.default_version_number = new_lt.number
        group.launch_template_version = str(new_lt.number)
        # Surge: as many new instances as there are now, launched from the new version.
        old_ids = [s.instance.id for s in group.instance_states if s.instance.state in ("pending", "running")]
        desired, max_size = group.desired_capacity, group.max_size
        if old_ids:
            surge = len(group.active_instances()) + len(old_ids)
            group.max_size = max(max_size, surge)
            group.set_desired_capacity(surge)
        new_ids = [s.instance.id for s in group.instance_states if s.instance.id not in old_ids]
        params = []
        if not custom:
            params += [{"type": "Version", "value": new_version}, {"type": "ReleaseVersion", "value": new_release}]
        if spec:
            params += [{"type": "LaunchTemplateName", "value": current.get("name")}, {"type": "LaunchTemplateVersion", "value": user_lt_version}]
        state = {"nodegroup": nodegroup, "old": old_ids, "new": new_ids, "desired": desired, "max": max_size, "template": eks_template_id,
                 "old_lt_version": old_lt_version, "version": new_version, "release": new_release, "user_lt_version": user_lt_version,
                 "force": force}
        seconds = max(_seconds("MOTO_EKS_NODEGROUP_UPDATE_SECONDS"), _seconds("MOTO_K8S_NODE_JOIN_SECONDS"))
        update = _record_update(cluster, "VersionUpdate", params, target=f"nodegroup:{name}", seconds=seconds,
                                finish=_finish_nodegroup_version(backend, state), backend=backend)
        nodegroup._eksup_version_update = update
        nodegroup.modified_at = utcnow()
        _remember_update(self, cluster, update)
        return ActionResult({"update": _public(update)})


# ---------------------------------------------------------------------------------------
# Upgrade insights: ListInsights, DescribeInsight (computed on demand)
# ---------------------------------------------------------------------------------------
INSIGHT_CATEGORIES = ("UPGRADE_READINESS", "MISCONFIGURATION", "ROLLBACK_READINESS")
INSIGHT_STATUSES = ("PASSING", "WARNING", "ERROR", "UNKNOWN")
KUBELET_SKEW = 3  # Kubernetes' version skew policy since 1.28: kubelet up to 3 minors older than the API server
SKEW_POLICY_URL = "https://kubernetes.io/releases/version-skew-policy/"
UPDATE_CLUSTER_URL = "https://docs.aws.amazon.com/eks/latest/userguide/update-cluster.html"


def _next_version(cluster: Cluster) -> str:
    """The version upgrade insights are about: the next minor, or the current one when it is
    the newest supported."""
    following = f"1.{_minor(cluster.version) + 1}"
    return following if following in SUPPORTED_VERSIONS else cluster.version


def _kubelet_minor(version: str) -> int | None:
    import re

    m = re.match(r"v?1\.(\d+)", version or "")
    return int(m.group(1)) if m else None


def _insight(cluster: Cluster, name: str, target: str, status: str, reason: str, description: str, recommendation: str,
             additional: dict[str, str], resources: list[dict[str, Any]], summary: dict[str, Any] | None = None) -> dict[str, Any]:
    now = utcnow()
    seen = cluster.__dict__.setdefault("_eksup_insights", {})
    previous = seen.get(name)
    since = previous[2] if previous is not None and previous[:2] == (status, target) else now
    seen[name] = (status, target, since)
    return {
        "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"{cluster.arn}/{name}")),
        "name": name,
        "category": "UPGRADE_READINESS",
        "kubernetesVersion": target,
        "lastRefreshTime": now,
        "lastTransitionTime": since,
        "description": description,
        "insightStatus": {"status": status, "reason": reason},
        "recommendation": recommendation,
        "additionalInfo": additional,
        "resources": resources,
        "categorySpecificSummary": {"deprecationDetails": [], **(summary or {})},
    }


def compute_insights(backend: EKSBackend, cluster: Cluster) -> list[dict[str, Any]]:
    """The upgrade insights of `cluster` for its next version, as of now."""
    target = _next_version(cluster)
    floor = _minor(target) - KUBELET_SKEW
    insights = []

    # Kubelet version skew: nodes (the Kubernetes side) and managed node groups.
    old: list[dict[str, Any]] = []
    nodes: list[tuple[str, str]] = []
    for hook in NODE_VERSIONS:
        try:
            nodes += hook(cluster)
        except Exception:
            traceback.print_exc()
    for node, kubelet in sorted(nodes):
        minor = _kubelet_minor(kubelet)
        if minor is not None and minor < floor:
            old.append({"insightStatus": {"status": "ERROR", "reason": f"Node {node} runs kubelet {kubelet}, more than {KUBELET_SKEW} "
                                                                        f"minor versions older than Kubernetes {target}."},
                        "kubernetesResourceUri": f"/api/v1/nodes/{node}"})
    for name, nodegroup in sorted(cluster.nodegroups.items()):
        if not _deleting(nodegroup) and _kubelet_minor(str(nodegroup.version)) is not None and _kubelet_minor(str(nodegroup.version)) < floor:
            old.append({"insightStatus": {"status": "ERROR", "reason": f"Node group {name} is at Kubernetes {nodegroup.version}, more than "
                                                                        f"{KUBELET_SKEW} minor versions older than Kubernetes {target}."},
                        "arn": nodegroup.arn})
    insights.append(_insight(
        cluster, "Kubelet version skew", target,
        "ERROR" if old else "PASSING",
        f"{len(old)} node(s) or node group(s) would be more than {KUBELET_SKEW} minor versions older than the control plane after "
        f"an upgrade to {target}." if old else "No kubelet version skew issues detected.",
        "Checks the kubelet version of the cluster's nodes and managed node groups: after an upgrade of the control plane, the "
        f"kubelet may be at most {KUBELET_SKEW} minor versions older than the API server.",
        f"Upgrade the nodes (or replace them) to a Kubernetes version no older than 1.{floor} before upgrading the control plane to {target}.",
        {"Kubernetes version skew policy": SKEW_POLICY_URL + "#kubelet", "EKS update cluster documentation": UPDATE_CLUSTER_URL},
        old))

    # EKS add-on version compatibility (kube-proxy has its own insight).
    addons = {n: a for n, a in sorted(_addons(cluster).items()) if raw_status(a) != "DELETING" and n in ADDON_CATALOG}
    incompatible, details = [], []
    for name, addon in addons.items():
        if name == "kube-proxy":
            continue
        specs = {v[0]: v for v in ADDON_CATALOG[name][1]}
        spec = specs.get(addon.addon_version)
        details.append({"name": name, "compatibleVersions": [v[0] for v in reversed(ADDON_CATALOG[name][1]) if _compatible(v, target)]})
        if spec is None or not _compatible(spec, target):
            incompatible.append({"insightStatus": {"status": "ERROR", "reason": f"Add-on {name} {addon.addon_version} does not support "
                                                                               f"Kubernetes {target}."},
                                 "arn": addon.addon_arn})
    insights.append(_insight(
        cluster, "EKS add-on version compatibility", target,
        "ERROR" if incompatible else "PASSING",
        f"{len(incompatible)} add-on version(s) are not compatible with Kubernetes {target}." if incompatible else
        f"All installed add-on versions are compatible with Kubernetes {target}.",
        "Checks that the versions of the cluster's EKS add-ons are compatible with the next Kubernetes version.",
        f"Update the add-ons to a version compatible with Kubernetes {target} (see describe-addon-versions) before upgrading the cluster.",
        {"EKS add-ons": "https://docs.aws.amazon.com/eks/latest/userguide/updating-an-add-on.html",
         "EKS update cluster documentation": UPDATE_CLUSTER_URL},
        incompatible, {"addonCompatibilityDetails": details}))

    # kube-proxy version skew: its versions follow the cluster's minor, one behind is expected.
    proxy = addons.get("kube-proxy")
    minor = _kubelet_minor(proxy.addon_version) if proxy is not None else None
    bad = minor is not None and minor < floor
    insights.append(_insight(
        cluster, "kube-proxy version skew", target,
        "ERROR" if bad else "PASSING",
        f"kube-proxy {proxy.addon_version} is more than {KUBELET_SKEW} minor versions older than Kubernetes {target}." if bad and proxy else
        "No kube-proxy version skew issues detected.",
        f"Checks that kube-proxy is at most {KUBELET_SKEW} minor versions older than the control plane after an upgrade.",
        f"Update the kube-proxy add-on to a version for Kubernetes 1.{floor} or newer before upgrading the control plane to {target}.",
        {"Kubernetes version skew policy": SKEW_POLICY_URL + "#kube-proxy",
         "EKS kube-proxy add-on": "https://docs.aws.amazon.com/eks/latest/userguide/managing-kube-proxy.html"},
        [{"insightStatus": {"status": "ERROR", "reason": f"kube-proxy {proxy.addon_version} is too old for Kubernetes {target}."},
          "arn": proxy.addon_arn}] if bad and proxy else []))
    return insights


INSIGHT_SUMMARY_KEYS = ("id", "name", "category", "kubernetesVersion", "lastRefreshTime", "lastTransitionTime", "description", "insightStatus")


def list_insights(self: EKSResponse) -> ActionResult:
    cluster = _cluster(self.eks_backend, _cluster_name(self))
    flt = self._get_param("filter") or {}
    categories, versions, statuses = flt.get("categories") or [], flt.get("kubernetesVersions") or [], flt.get("statuses") or []
    for value in categories:
        if value not in INSIGHT_CATEGORIES:
            raise _invalid_parameter(f"Invalid category: {value}")
    for value in statuses:
        if value not in INSIGHT_STATUSES:
            raise _invalid_parameter(f"Invalid status: {value}")
    found = [i for i in compute_insights(self.eks_backend, cluster)
             if (not categories or i["category"] in categories) and (not versions or i["kubernetesVersion"] in versions)
             and (not statuses or i["insightStatus"]["status"] in statuses)]
    page, token = _page(found, self)
    return ActionResult({"insights": [{k: i[k] for k in INSIGHT_SUMMARY_KEYS} for i in page], "nextToken": token})


def describe_insight(self: EKSResponse) -> ActionResult:
    cluster = _cluster(self.eks_backend, _cluster_name(self))
    wanted = self._get_param("id")
    for insight in compute_insights(self.eks_backend, cluster):
        if insight["id"] == wanted:
            return ActionResult({"insight": insight})
    raise _not_found(f"No insight found for id: {wanted}")


# ---------------------------------------------------------------------------------------
# Addons
# ---------------------------------------------------------------------------------------
# The Kubernetes versions CreateCluster accepts (those the AMI and add-on catalogs cover).
SUPPORTED_VERSIONS = {f"1.{minor}" for minor in range(28, 36)}

# addon -> (type, [(version, oldest k8s, newest k8s)]); the newest compatible is the default.
ADDON_CATALOG: dict[str, tuple[str, list[tuple[str, str, str]]]] = {
    "vpc-cni": ("networking", [("v1.18.6-eksbuild.1", "1.28", "1.31"), ("v1.19.6-eksbuild.1", "1.28", "1.33"), ("v1.20.4-eksbuild.2", "1.29", "1.35")]),
    "coredns": ("networking", [("v1.10.1-eksbuild.18", "1.28", "1.28"), ("v1.11.4-eksbuild.14", "1.29", "1.32"), ("v1.12.4-eksbuild.1", "1.31", "1.35")]),
    "kube-proxy": ("networking", [(f"v1.{m}.{p}-eksbuild.{b}", f"1.{m}", f"1.{m}") for m in range(28, 36) for p, b in ((3, 2), (7, 4))]),
    "eks-pod-identity-agent": ("security", [("v1.3.4-eksbuild.1", "1.28", "1.33"), ("v1.3.8-eksbuild.2", "1.28", "1.35")]),
    "aws-ebs-csi-driver": ("storage", [("v1.37.0-eksbuild.1", "1.28", "1.32"), ("v1.48.0-eksbuild.2", "1.28", "1.35")]),
    "metrics-server": ("observability", [("v0.7.2-eksbuild.3", "1.28", "1.35"), ("v0.8.0-eksbuild.2", "1.30", "1.35")]),
}


# Community add-ons (the user guide's "Community add-ons": packaged and published by AWS, owned by
# the community); the others are AWS add-ons. Every one is published by ``eks``.
COMMUNITY_ADDONS = frozenset({"metrics-server"})


def addon_owner(name: str) -> str:
    return "community" if name in COMMUNITY_ADDONS else "aws"


def _minor(version: str) -> int:
    return int(version.split(".")[1])


def _compatible(spec: tuple[str, str, str], k8s: str) -> bool:
    return _minor(spec[1]) <= _minor(k8s) <= _minor(spec[2])


def _default_version(addon: str, k8s: str) -> str | None:
    versions = [v for v in ADDON_CATALOG[addon][1] if _compatible(v, k8s)]
    return versions[-1][0] if versions else None


class Addon:
    """An installed EKS addon (`Addon` shape)."""

    def __init__(self, backend: EKSBackend, cluster: Cluster, name: str, version: str, params: dict[str, Any]):
        self.addon_name = name
        self.cluster_name = cluster.name
        self.addon_version = version
        self.created_at = self.modified_at = utcnow()
        self.addon_arn = f"arn:{backend.partition}:eks:{backend.region_name}:{backend.account_id}:addon/{cluster.name}/{name}/{uuid.uuid4()}"
        self.service_account_role_arn = params.get("serviceAccountRoleArn")
        self.configuration_values = params.get("configurationValues")
        self.tags = params.get("tags") or {}
        # namespaceConfig.namespace: fixed for the add-on's life (UpdateAddon takes none).
        self.namespace = (params.get("namespaceConfig") or {}).get("namespace")
        self.status = "ACTIVE"

    def shape(self) -> dict[str, Any]:
        out = {
            "addonName": self.addon_name,
            "clusterName": self.cluster_name,
            "status": self.status,
            "addonVersion": self.addon_version,
            "health": {"issues": []},
            "addonArn": self.addon_arn,
            "createdAt": self.created_at,
            "modifiedAt": self.modified_at,
            "tags": self.tags,
            "publisher": "eks",
            "owner": addon_owner(self.addon_name),
        }
        if self.service_account_role_arn:
            out["serviceAccountRoleArn"] = self.service_account_role_arn
        if self.configuration_values:
            out["configurationValues"] = self.configuration_values
        if self.namespace:
            out["namespaceConfig"] = {"namespace": self.namespace}
        return out


def _addons(cluster: Cluster) -> dict[str, Addon]:
    return cluster.__dict__.setdefault("_eksup_addons", {})


def _addon(cluster: Cluster, name: str) -> Addon:
    try:
        return _addons(cluster)[name]
    except KeyError:
        raise _not_found(f"No addon: {name} found in cluster: {cluster.name}")


def _cluster_name(response: EKSResponse) -> str:
    return response._get_param("clusterName") or response._get_param("name")


def _check_addon_version(name: str, version: str, k8s: str) -> None:
    specs = {v[0]: v for v in ADDON_CATALOG[name][1]}
    if version not in specs or not _compatible(specs[version], k8s):
        raise _invalid_parameter(f"Addon version specified is not supported: {name} {version} on Kubernetes {k8s}")


def _check_addon_namespace(config: Any) -> None:
    """CreateAddon's ``namespaceConfig.namespace``: 1 to 63 characters, an RFC 1123 DNS label
    (AddonNamespaceConfigRequest in EKS's API reference)."""
    if config is None:
        return
    namespace = config.get("namespace") if isinstance(config, dict) else None
    if namespace is None:
        return
    if not (1 <= len(namespace) <= 63) or not re.fullmatch(r"[a-z0-9]([-a-z0-9]*[a-z0-9])?", namespace):
        raise _invalid_parameter(f"Invalid namespace {namespace!r} in namespaceConfig: the namespace must be a valid RFC 1123 DNS label "
                                 "(at most 63 lowercase alphanumeric characters or '-', starting and ending with an alphanumeric character)")


def create_addon(self: EKSResponse) -> ActionResult:
    cluster = _cluster(self.eks_backend, _cluster_name(self))
    name = self._get_param("addonName")
    if name in _addons(cluster):
        raise _in_use("Addon already exists.")
    if cluster.status != "ACTIVE":
        raise InvalidRequestException(message=f"Cluster '{cluster.name}' is not in ACTIVE status")
    if name not in ADDON_CATALOG:
        raise _invalid_parameter(f"Addon {name} specified is not supported in {cluster.version} Kubernetes version")
    version = self._get_param("addonVersion") or _default_version(name, cluster.version)
    if version is None:
        raise _invalid_parameter(f"Addon {name} specified is not supported in {cluster.version} Kubernetes version")
    _check_addon_version(name, version, cluster.version)
    params = {k: self._get_param(k) for k in ("serviceAccountRoleArn", "configurationValues", "tags", "namespaceConfig")}
    _check_addon_namespace(params["namespaceConfig"])
    addon = Addon(self.eks_backend, cluster, name, version, params)
    _addons(cluster)[name] = addon
    return ActionResult({"addon": addon.shape()})


def describe_addon(self: EKSResponse) -> ActionResult:
    cluster = _cluster(self.eks_backend, _cluster_name(self))
    return ActionResult({"addon": _addon(cluster, self._get_param("addonName")).shape()})


def list_addons(self: EKSResponse) -> ActionResult:
    cluster = _cluster(self.eks_backend, _cluster_name(self))
    names, token = paginated_list(list(_addons(cluster)), self._get_int_param("maxResults", 100), self._get_param("nextToken"))
    return ActionResult({"addons": names, "nextToken": token})


def delete_addon(self: EKSResponse) -> ActionResult:
    cluster = _cluster(self.eks_backend, _cluster_name(self))
    addon = _addon(cluster, self._get_param("addonName"))
    _mark_deleting(addon, f"Addon {addon.addon_name}")
    shape = addon.shape()
    sweep(self.eks_backend)
    return ActionResult({"addon": shape})


def update_addon(self: EKSResponse) -> ActionResult:
    cluster = _cluster(self.eks_backend, _cluster_name(self))
    addon = _addon(cluster, self._get_param("addonName"))
    if addon.status != "ACTIVE":
        raise _in_use(f"Addon {addon.addon_name} is currently {addon.status} and cannot be updated.")
    params = []
    version = self._get_param("addonVersion")
    if version:
        _check_addon_version(addon.addon_name, version, cluster.version)
        addon.addon_version = version
        params.append({"type": "AddonVersion", "value": version})
    for key, attr, kind in (("serviceAccountRoleArn", "service_account_role_arn", "ServiceAccountRoleArn"),
                            ("configurationValues", "configuration_values", "ConfigurationValues")):
        value = self._get_param(key)
        if value is not None:
            setattr(addon, attr, value)
            params.append({"type": kind, "value": value})
    if self._get_param("resolveConflicts"):
        params.append({"type": "ResolveConflicts", "value": self._get_param("resolveConflicts")})
    addon.modified_at = utcnow()
    return ActionResult({"update": _public(_record_update(cluster, "AddonUpdate", params, target=f"addon:{addon.addon_name}"))})


def describe_addon_versions(self: EKSResponse) -> ActionResult:
    k8s = self._get_param("kubernetesVersion")
    only = self._get_param("addonName")
    types = self._get_param("types") or []
    owners = self._get_param("owners") or []
    publishers = self._get_param("publishers") or []
    addons = []
    for name, (addon_type, specs) in sorted(ADDON_CATALOG.items()):
        if (only and name != only) or (types and addon_type not in types):
            continue
        if (owners and addon_owner(name) not in owners) or (publishers and "eks" not in publishers):
            continue
        versions = []
        for spec in reversed(specs):  # newest first, like AWS
            clusters = [f"1.{m}" for m in range(_minor(spec[1]), _minor(spec[2]) + 1)]
            if k8s:
                clusters = [c for c in clusters if c == k8s]
            if not clusters:
                continue
            compatibilities = [{"clusterVersion": c, "platformVersions": ["*"], "defaultVersion": _default_version(name, c) == spec[0]} for c in clusters]
            versions.append({"addonVersion": spec[0], "architecture": ["amd64", "arm64"], "computeTypes": ["ec2"],
                             "compatibilities": compatibilities, "requiresConfiguration": False,
                             "requiresIamPermissions": name in ("vpc-cni", "aws-ebs-csi-driver")})
        if versions:
            addons.append({"addonName": name, "type": addon_type, "addonVersions": versions, "publisher": "eks", "owner": addon_owner(name),
                           "defaultNamespace": "kube-system"})
    return ActionResult({"addons": addons})


# ---------------------------------------------------------------------------------------
# Access entries and access policies
# ---------------------------------------------------------------------------------------
ACCESS_POLICIES = [
    "AmazonEKSAdminPolicy",
    "AmazonEKSAdminViewPolicy",
    "AmazonEKSAutoNodePolicy",
    "AmazonEKSBlockStoragePolicy",
    "AmazonEKSClusterAdminPolicy",
    "AmazonEKSClusterInsightsPolicy",
    "AmazonEKSComputePolicy",
    "AmazonEKSEditPolicy",
    "AmazonEKSLoadBalancingPolicy",
    "AmazonEKSNetworkingPolicy",
    "AmazonEKSViewPolicy",
]


def _policy_arn(backend: EKSBackend, name: str) -> str:
    return f"arn:{backend.partition}:eks::aws:cluster-access-policy/{name}"


class AccessEntry:
    """An access entry (`AccessEntry` shape) and its associated access policies."""

    def __init__(self, backend: EKSBackend, cluster: Cluster, principal_arn: str, params: dict[str, Any]):
        self.cluster_name = cluster.name
        self.principal_arn = principal_arn
        self.type = params.get("type") or "STANDARD"
        self.kubernetes_groups = params.get("kubernetesGroups") or []
        self.tags = params.get("tags") or {}
        self.created_at = self.modified_at = utcnow()
        account, kind, name = _parse_principal(principal_arn)
        self.access_entry_arn = (f"arn:{backend.partition}:eks:{backend.region_name}:{backend.account_id}:access-entry/"
                                 f"{cluster.name}/{kind}/{account}/{name.rsplit('/', 1)[-1]}/{uuid.uuid4()}")
        defaults = {
            "EC2_LINUX": "system:node:{{EC2PrivateDNSName}}",
            "EC2": "system:node:{{EC2PrivateDNSName}}",
            "HYBRID_LINUX": "system:node:{{SessionName}}",
            "EC2_WINDOWS": "system:node:{{EC2PrivateDNSName}}",
            "FARGATE_LINUX": "system:node:{{SessionName}}",
        }
        if kind == "role":
            standard = f"arn:{backend.partition}:sts::{account}:assumed-role/{name.rsplit('/', 1)[-1]}/{{{{SessionName}}}}"
        else:
            standard = principal_arn
        self.username = params.get("username") or defaults.get(self.type, standard)
        self.policies: dict[str, dict[str, Any]] = {}

    def shape(self) -> dict[str, Any]:
        return {
            "clusterName": self.cluster_name,
            "principalArn": self.principal_arn,
            "kubernetesGroups": self.kubernetes_groups,
            "accessEntryArn": self.access_entry_arn,
            "createdAt": self.created_at,
            "modifiedAt": self.modified_at,
            "tags": self.tags,
            "username": self.username,
            "type": self.type,
        }


def _parse_principal(arn: str) -> tuple[str, str, str]:
    """`arn:aws:iam::<account>:role/<path/name>` -> (account, "role", "path/name")."""
    parts = arn.split(":", 5)
    if len(parts) != 6 or parts[2] != "iam" or "/" not in parts[5] or parts[5].split("/")[0] not in ("role", "user"):
        raise _invalid_parameter(f"The specified principalArn is invalid: {arn}")
    kind, name = parts[5].split("/", 1)
    return parts[4], kind, name


def _access_entries(cluster: Cluster) -> dict[str, AccessEntry]:
    return cluster.__dict__.setdefault("_eksup_access_entries", {})


def _api_cluster(response: EKSResponse) -> Cluster:
    """The cluster, which must use an authentication mode that includes the access-entry API."""
    cluster = _cluster(response.eks_backend, _cluster_name(response))
    if cluster.access_config["authenticationMode"] not in ("API", "API_AND_CONFIG_MAP"):
        raise InvalidRequestException(message="The cluster's authentication mode must be set to one of [API, API_AND_CONFIG_MAP] to perform this operation.")
    return cluster


def _access_entry(cluster: Cluster, principal_arn: str) -> AccessEntry:
    try:
        return _access_entries(cluster)[principal_arn]
    except KeyError:
        raise _not_found("The specified principalArn could not be found. You can view your available access entries with 'list-access-entries'.")


def create_access_entry(self: EKSResponse) -> ActionResult:
    cluster = _api_cluster(self)
    principal = self._get_param("principalArn")
    _, kind, name = _parse_principal(principal)
    # The EKS user guide ("Create access entries"): access entries do not support service-linked
    # roles (`arn:aws:iam::*:role/aws-service-role/*`); AWS's answer, per
    # terraform-provider-aws#36447.
    if kind == "role" and name.startswith("aws-service-role/"):
        raise _invalid_parameter("The caller is not allowed to modify access entries with a principalArn value of a Service Linked Role")
    if principal in _access_entries(cluster):
        raise _in_use("The specified access entry resource is already in use on this cluster.")
    from moto.iam.models import iam_backends

    iam = iam_backends[self.eks_backend.account_id][self.eks_backend.partition]
    try:  # AWS checks that the principal exists
        iam.get_role_by_arn(principal) if kind == "role" else iam.get_user(name.rsplit("/", 1)[-1])
    except Exception:
        raise _invalid_parameter(f"The specified principalArn is invalid: invalid principal {principal}")
    params = {k: self._get_param(k) for k in ("kubernetesGroups", "tags", "username", "type")}
    if params["type"] == "HYBRID_LINUX" and not (cluster.remote_network_config or {}).get("remoteNodeNetworks"):
        raise _invalid_parameter("An access entry of type HYBRID_LINUX requires the cluster to have remoteNetworkConfig with remoteNodeNetworks")
    entry = AccessEntry(self.eks_backend, cluster, principal, params)
    _access_entries(cluster)[principal] = entry
    return ActionResult({"accessEntry": entry.shape()})


def describe_access_entry(self: EKSResponse) -> ActionResult:
    cluster = _api_cluster(self)
    return ActionResult({"accessEntry": _access_entry(cluster, self._get_param("principalArn")).shape()})


def list_access_entries(self: EKSResponse) -> ActionResult:
    cluster = _api_cluster(self)
    policy = self._get_param("associatedPolicyArn")
    arns = [arn for arn, entry in _access_entries(cluster).items() if not policy or policy in entry.policies]
    page, token = paginated_list(arns, self._get_int_param("maxResults", 100), self._get_param("nextToken"))
    return ActionResult({"accessEntries": page, "nextToken": token})


def update_access_entry(self: EKSResponse) -> ActionResult:
    cluster = _api_cluster(self)
    entry = _access_entry(cluster, self._get_param("principalArn"))
    if self._get_param("kubernetesGroups") is not None:
        entry.kubernetes_groups = self._get_param("kubernetesGroups")
    if self._get_param("username"):
        entry.username = self._get_param("username")
    entry.modified_at = utcnow()
    return ActionResult({"accessEntry": entry.shape()})


def delete_access_entry(self: EKSResponse) -> ActionResult:
    cluster = _api_cluster(self)
    _access_entry(cluster, self._get_param("principalArn"))
    del _access_entries(cluster)[self._get_param("principalArn")]
    return EmptyResult()


def list_access_policies(self: EKSResponse) -> ActionResult:
    policies = [{"name": n, "arn": _policy_arn(self.eks_backend, n)} for n in ACCESS_POLICIES]
    return ActionResult({"accessPolicies": policies})


def associate_access_policy(self: EKSResponse) -> ActionResult:
    cluster = _api_cluster(self)
    entry = _access_entry(cluster, self._get_param("principalArn"))
    policy = self._get_param("policyArn")
    if policy not in [_policy_arn(self.eks_backend, n) for n in ACCESS_POLICIES]:
        raise _invalid_parameter(f"The specified policyArn is invalid: {policy}")
    if entry.type != "STANDARD":
        raise _invalid_parameter(f"Access policies can only be associated with access entries of type STANDARD (this one is {entry.type}).")
    scope = self._get_param("accessScope") or {}
    if scope.get("type") not in ("cluster", "namespace"):
        raise _invalid_parameter("accessScope.type must be one of [cluster, namespace]")
    if scope["type"] == "namespace" and not scope.get("namespaces"):
        raise _invalid_parameter("At least one namespace is required when accessScope.type is namespace")
    if scope["type"] == "cluster" and scope.get("namespaces"):
        raise _invalid_parameter("Namespaces cannot be specified when accessScope.type is cluster")
    now = utcnow()
    previous = entry.policies.get(policy)  # associating again updates the scope
    entry.policies[policy] = {"policyArn": policy, "accessScope": scope,
                              "associatedAt": previous["associatedAt"] if previous else now, "modifiedAt": now}
    return ActionResult({"clusterName": cluster.name, "principalArn": entry.principal_arn, "associatedAccessPolicy": entry.policies[policy]})


def disassociate_access_policy(self: EKSResponse) -> ActionResult:
    cluster = _api_cluster(self)
    entry = _access_entry(cluster, self._get_param("principalArn"))
    policy = self._get_param("policyArn")
    if entry.policies.pop(policy, None) is None:
        raise _not_found(f"The specified policy {policy} is not associated with the access entry.")
    return EmptyResult()


def list_associated_access_policies(self: EKSResponse) -> ActionResult:
    cluster = _api_cluster(self)
    entry = _access_entry(cluster, self._get_param("principalArn"))
    return ActionResult({"clusterName": cluster.name, "principalArn": entry.principal_arn,
                         "associatedAccessPolicies": list(entry.policies.values())})


# ---------------------------------------------------------------------------------------
# EKS Pod Identity associations (moto: HTTP 404)
# ---------------------------------------------------------------------------------------
POD_IDENTITY_SERVICE = "pods.eks.amazonaws.com"
# AWS's messages (terraform-provider-aws issues 34711/34717 and 41483, eksctl issue 8718,
# crossplane-contrib/provider-upjet-aws issue 1437, aws-samples/eks-workshop-v2 issue 882).
ROLE_MISSING = "Role provided in the request does not exist"
TRUST_INVALID = "Trust policy of the role provided is invalid"
CROSS_ACCOUNT = "Cross-account pass role is not allowed"
POLICY_NEEDS_NO_SESSION_TAGS = "When using this policy, disableSessionTags must be set to true"
_DNS1123_LABEL = r"[a-z0-9]([-a-z0-9]*[a-z0-9])?"


class PodIdentityAssociation:
    """An EKS Pod Identity association (`PodIdentityAssociation` shape)."""

    def __init__(self, backend: EKSBackend, cluster: Cluster, namespace: str, service_account: str, params: dict[str, Any]):
        import secrets
        import string

        alphabet = string.ascii_lowercase + string.digits
        taken = _pod_identities(cluster)
        while True:  # AWS: "a-" and 17 lowercase letters/digits (a-8mvwvh57cu74mgcst)
            self.association_id = "a-" + "".join(secrets.choice(alphabet) for _ in range(17))
            if self.association_id not in taken:
                break
        self.cluster_name = cluster.name
        self.namespace = namespace
        self.service_account = service_account
        self.association_arn = (f"arn:{backend.partition}:eks:{backend.region_name}:{backend.account_id}:podidentityassociation/"
                                f"{cluster.name}/{self.association_id}")
        self.role_arn: str = params["roleArn"]
        self.disable_session_tags = bool(params.get("disableSessionTags"))
        self.policy: str | None = params.get("policy") or None
        self.tags: dict[str, str] = dict(params.get("tags") or {})
        self.target_role_arn: str | None = None
        self.external_id: str | None = None
        self.set_target(params.get("targetRoleArn") or None)
        self.created_at = self.modified_at = utcnow()

    def set_target(self, target_role_arn: str | None) -> None:
        """AWS gives an association with a target role an external id (a uuid) that the target
        role's trust policy can require (sts:ExternalId); here it is made once and kept."""
        self.target_role_arn = target_role_arn
        if target_role_arn and self.external_id is None:
            self.external_id = str(uuid.uuid4())

    def shape(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "clusterName": self.cluster_name,
            "namespace": self.namespace,
            "serviceAccount": self.service_account,
            "roleArn": self.role_arn,
            "associationArn": self.association_arn,
            "associationId": self.association_id,
            "tags": self.tags,
            "createdAt": self.created_at,
            "modifiedAt": self.modified_at,
            "disableSessionTags": self.disable_session_tags,
        }
        if self.target_role_arn:
            out["targetRoleArn"] = self.target_role_arn
            out["externalId"] = self.external_id
        if self.policy:
            out["policy"] = self.policy
        return out

    def summary(self) -> dict[str, Any]:
        """The `PodIdentityAssociationSummary` shape (ListPodIdentityAssociations)."""
        return {"clusterName": self.cluster_name, "namespace": self.namespace, "serviceAccount": self.service_account,
                "associationArn": self.association_arn, "associationId": self.association_id}


def _pod_identities(cluster: Cluster) -> dict[str, PodIdentityAssociation]:
    return cluster.__dict__.setdefault("_eksup_pod_identities", {})


def _pod_identity(cluster: Cluster, association_id: str | None) -> PodIdentityAssociation:
    """AWS checks the id's length before looking it up."""
    if not association_id or len(association_id) != 19:
        raise _invalid_parameter("The parameter associationId should be 19 characters long.")
    try:
        return _pod_identities(cluster)[association_id]
    except KeyError:
        raise _not_found(f"The specified association id could not be found: {association_id}")


def _required(response: EKSResponse, name: str) -> Any:
    value = response._get_param(name)
    if value is None:
        raise _invalid_parameter(f"1 validation error detected: Value null at '{name}' failed to satisfy constraint: Member must not be null")
    return value


def _check_kubernetes_names(namespace: Any, service_account: Any) -> None:
    """namespace: a DNS-1123 label (<= 63); serviceAccount: a DNS-1123 subdomain (<= 253), as
    Kubernetes names them (AWS refuses other names; the wording is ours, after Kubernetes')."""
    import re

    if not isinstance(namespace, str) or len(namespace) > 63 or not re.fullmatch(_DNS1123_LABEL, namespace):
        raise _invalid_parameter(f"Invalid namespace '{namespace}': a lowercase RFC 1123 label must consist of lower case alphanumeric "
                                 "characters or '-', start and end with an alphanumeric character and have at most 63 characters")
    if (not isinstance(service_account, str) or len(service_account) > 253
            or not re.fullmatch(rf"{_DNS1123_LABEL}(\.{_DNS1123_LABEL})*", service_account)):
        raise _invalid_parameter(f"Invalid serviceAccount '{service_account}': a lowercase RFC 1123 subdomain must consist of lower case "
                                 "alphanumeric characters, '-' or '.', start and end with an alphanumeric character and have at most "
                                 "253 characters")


def _role_arn_parts(arn: Any) -> tuple[str, str] | None:
    """`arn:<partition>:iam::<account>:role/<path/>name` -> (partition, account), else None."""
    import re

    match = re.fullmatch(r"arn:([a-z-]+):iam::(\d{12}):role/(.+/)?[\w+=,.@-]{1,64}", arn) if isinstance(arn, str) else None
    return (match.group(1), match.group(2)) if match else None


def _check_pod_role_arn(backend: EKSBackend, arn: Any) -> None:
    """AWS: the association's role must be a role of the cluster's own account (an empty or
    other-account ARN: "Cross-account pass role is not allowed", eksctl issue 8718)."""
    parts = _role_arn_parts(arn)
    if arn == "" or (parts is not None and parts[1] != backend.account_id):
        raise _invalid_parameter(CROSS_ACCOUNT)
    if parts is None or parts[0] != backend.partition:
        raise _invalid_parameter(f"The roleArn {arn} is not a valid IAM role ARN")


def _check_target_role_arn(backend: EKSBackend, arn: Any) -> None:
    """The target role may be in any account (role chaining); it is not looked up."""
    parts = _role_arn_parts(arn)
    if parts is None or parts[0] != backend.partition:
        raise _invalid_parameter(f"The targetRoleArn {arn} is not a valid IAM role ARN")


def _check_session_policy(policy: Any) -> None:
    """The session policy is an IAM policy document: a JSON object (the wording is ours)."""
    try:
        document = json.loads(policy) if isinstance(policy, str) else None
    except ValueError:
        document = None
    if not isinstance(document, dict):
        raise _invalid_parameter("The policy must be a valid IAM policy document in JSON format")


def _check_tags(tags: Any) -> None:
    """AWS: at most 50 tags, keys of 1..128 and values of at most 256 characters, no key
    starting with aws: in any case (the wordings are ours)."""
    if tags is None:
        return
    if not isinstance(tags, dict):
        raise _invalid_parameter("tags must be a map of strings")
    if len(tags) > 50:
        raise _invalid_parameter(f"A resource can have at most 50 tags ({len(tags)} given)")
    for key, value in tags.items():
        if not isinstance(key, str) or not 1 <= len(key) <= 128:
            raise _invalid_parameter(f"Tag key '{key}' must have 1 to 128 characters")
        if not isinstance(value, str) or len(value) > 256:
            raise _invalid_parameter(f"The value of tag '{key}' must have at most 256 characters")
        if key.lower().startswith("aws:"):
            raise _invalid_parameter(f"Tag keys starting with 'aws:' are reserved for AWS use: {key}")


def _check_bool(name: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise _invalid_parameter(f"1 validation error detected: Value '{value}' at '{name}' failed to satisfy constraint: Member must be a boolean")
    return value


def trusts_with_tag_session(document: Any, service: str) -> bool:
    """Whether a trust policy lets ``service`` call both sts:AssumeRole and sts:TagSession (EKS Pod
    Identity and EKS capabilities tag their sessions; IAM wildcards such as sts:* count; the actions
    may be in separate statements)."""
    import fnmatch
    from urllib.parse import unquote

    if isinstance(document, str):
        for text in (document, unquote(document)):
            try:
                document = json.loads(text)
                break
            except ValueError:
                continue
    if not isinstance(document, dict):
        return False
    statements = document.get("Statement") or []
    statements = [statements] if isinstance(statements, dict) else statements
    allowed: list[str] = []
    for statement in statements if isinstance(statements, list) else []:
        if not isinstance(statement, dict) or statement.get("Effect") != "Allow":
            continue
        principal = statement.get("Principal") or {}
        services = principal.get("Service") if isinstance(principal, dict) else None
        services = [services] if isinstance(services, str) else (services or [])
        if service not in services:
            continue
        actions = statement.get("Action") or []
        allowed += [a.lower() for a in ([actions] if isinstance(actions, str) else actions) if isinstance(a, str)]
    return all(any(fnmatch.fnmatchcase(need, pattern) for pattern in allowed) for need in ("sts:assumerole", "sts:tagsession"))


def _trusts_pods(document: Any) -> bool:
    """Whether a trust policy lets pods.eks.amazonaws.com call sts:AssumeRole and sts:TagSession."""
    return trusts_with_tag_session(document, POD_IDENTITY_SERVICE)


def _check_pod_role(backend: EKSBackend, arn: str) -> None:
    """AWS looks the role up: a role that does not exist, or that IAM has not propagated yet,
    -> "Role provided in the request does not exist" (clients retry it); a trust policy that does
    not let pods.eks.amazonaws.com AssumeRole and TagSession -> "Trust policy of the role provided
    is invalid". Gated like eksup_moto_strict's EKS role checks (EKSUP_MOTO_EKS_ROLE_CHECKS,
    EKSUP_MOTO_LENIENT; MOTO_IAM_ROLE_PROPAGATION_SECONDS after CreateRole/UpdateAssumeRolePolicy)."""
    import eksup_moto_strict as strict

    role = strict._role(arn, backend.partition)
    if strict.KNOBS.eks_role_checks and role is None:
        raise _invalid_parameter(ROLE_MISSING)
    if role is not None:
        changed = role.__dict__.get("_eksup_trust_changed_at") or role.create_date
        if strict._young(max(role.create_date, changed), "MOTO_IAM_ROLE_PROPAGATION_SECONDS"):
            raise _invalid_parameter(ROLE_MISSING)
    if strict.KNOBS.eks_role_checks and role is not None and not _trusts_pods(role.assume_role_policy_document):
        raise _invalid_parameter(TRUST_INVALID)


def _check_pod_identity_cluster(cluster: Cluster) -> None:
    """Associations are made and changed on a cluster that is up (CREATING, DELETING, FAILED:
    InvalidRequestException; UPDATING is allowed). The wording is the one create-addon uses."""
    if cluster.status not in ("ACTIVE", "UPDATING"):
        raise InvalidRequestException(message=f"Cluster '{cluster.name}' is not in ACTIVE status")


def create_pod_identity_association(self: EKSResponse) -> ActionResult:
    """Checked in this order: the cluster (ResourceNotFoundException), the parameters
    (InvalidParameterException), the cluster's status (InvalidRequestException), an association of
    the same service account (ResourceInUseException "Association already exists: <id>"), the role
    in IAM (InvalidParameterException)."""
    cluster = _cluster(self.eks_backend, _cluster_name(self))
    namespace, service_account = _required(self, "namespace"), _required(self, "serviceAccount")
    _check_kubernetes_names(namespace, service_account)
    role_arn = _required(self, "roleArn")
    _check_pod_role_arn(self.eks_backend, role_arn)
    target = self._get_param("targetRoleArn") or None
    if target is not None:
        _check_target_role_arn(self.eks_backend, target)
    disable = _check_bool("disableSessionTags", self._get_param("disableSessionTags", False))
    policy = self._get_param("policy") or None
    if policy is not None:
        _check_session_policy(policy)
        if not disable:
            raise _invalid_parameter(POLICY_NEEDS_NO_SESSION_TAGS)
    tags = self._get_param("tags")
    _check_tags(tags)
    _check_pod_identity_cluster(cluster)
    for existing in _pod_identities(cluster).values():
        if (existing.namespace, existing.service_account) == (namespace, service_account):
            raise _in_use(f"Association already exists: {existing.association_id}")
    _check_pod_role(self.eks_backend, role_arn)
    params = {"roleArn": role_arn, "targetRoleArn": target, "disableSessionTags": disable, "policy": policy, "tags": tags}
    association = PodIdentityAssociation(self.eks_backend, cluster, namespace, service_account, params)
    _pod_identities(cluster)[association.association_id] = association
    return ActionResult({"association": association.shape()})


def describe_pod_identity_association(self: EKSResponse) -> ActionResult:
    cluster = _cluster(self.eks_backend, _cluster_name(self))
    return ActionResult({"association": _pod_identity(cluster, self._get_param("associationId")).shape()})


def list_pod_identity_associations(self: EKSResponse) -> ActionResult:
    """Filters `namespace` and `serviceAccount` (exact names); maxResults 1..100 / nextToken."""
    cluster = _cluster(self.eks_backend, _cluster_name(self))
    namespace, service_account = self._get_param("namespace"), self._get_param("serviceAccount")
    found = [a.summary() for a in _pod_identities(cluster).values()
             if namespace in (None, a.namespace) and service_account in (None, a.service_account)]
    page, token = _page(found, self)
    return ActionResult({"associations": page, "nextToken": token})


def update_pod_identity_association(self: EKSResponse) -> ActionResult:
    """AWS changes the role, the target role, disableSessionTags and the session policy ("You must
    change at least one of these in an update": an update that changes nothing ->
    InvalidParameterException, our wording); an omitted field is kept, an empty targetRoleArn or
    policy takes it away. A request repeated with its clientRequestToken (an SDK retry) answers the
    association as it is instead of "no change"."""
    cluster = _cluster(self.eks_backend, _cluster_name(self))
    association = _pod_identity(cluster, self._get_param("associationId"))
    token = self._get_param("clientRequestToken")
    tokens = association.__dict__.setdefault("_eksup_update_tokens", {})
    if token and tokens.get(token) == _request_fingerprint(self):
        return ActionResult({"association": association.shape()})
    role_arn = self._get_param("roleArn")
    if role_arn is not None:
        _check_pod_role_arn(self.eks_backend, role_arn)
    target = self._get_param("targetRoleArn")
    if target:
        _check_target_role_arn(self.eks_backend, target)
    disable = self._get_param("disableSessionTags")
    if disable is not None:
        _check_bool("disableSessionTags", disable)
    policy = self._get_param("policy")
    if policy:
        _check_session_policy(policy)
    new = (association.role_arn if role_arn is None else role_arn,
           association.target_role_arn if target is None else (target or None),
           association.disable_session_tags if disable is None else disable,
           association.policy if policy is None else (policy or None))
    if new[3] is not None and not new[2]:
        raise _invalid_parameter(POLICY_NEEDS_NO_SESSION_TAGS)
    _check_pod_identity_cluster(cluster)
    if new == (association.role_arn, association.target_role_arn, association.disable_session_tags, association.policy):
        raise _invalid_parameter(f"No change requested for association {association.association_id}: at least one of roleArn, "
                                 "targetRoleArn, disableSessionTags and policy must change")
    if role_arn is not None:
        _check_pod_role(self.eks_backend, role_arn)
    association.role_arn, association.disable_session_tags, association.policy = new[0], new[2], new[3]
    association.set_target(new[1])
    association.modified_at = utcnow()
    if token:
        tokens[token] = _request_fingerprint(self)
    return ActionResult({"association": association.shape()})


def delete_pod_identity_association(self: EKSResponse) -> ActionResult:
    """Answers the association that was deleted."""
    cluster = _cluster(self.eks_backend, _cluster_name(self))
    association = _pod_identity(cluster, self._get_param("associationId"))
    del _pod_identities(cluster)[association.association_id]
    return ActionResult({"association": association.shape()})


# ---------------------------------------------------------------------------------------
# OIDC identity provider configs (moto: HTTP 404)
# ---------------------------------------------------------------------------------------
IDENTITY_PROVIDER_TYPES = ("oidc",)  # the only type of the API (IdentityProviderConfig.type)
MAX_REQUIRED_CLAIMS = 10
# AWS's messages: terraform-aws-modules/terraform-aws-eks issue 3328 (the cluster's own issuer),
# terraform-provider-aws's identity_provider_config.go (disassociating one whose association has
# not finished), eksctl issue 6293 (describing an unknown one).
SAME_AS_CLUSTER_ISSUER = ("Incorrect Identity Provider URL configuration. The Identity Provider URL cannot be same as "
                          "OpenID Connect (OIDC) issuer URL")


class IdentityProviderConfig:
    """An OIDC identity provider config (`OidcIdentityProviderConfig` shape). Its status follows
    its updates: CREATING while the AssociateIdentityProviderConfig update is InProgress, then
    ACTIVE; DELETING once disassociated, until the DisassociateIdentityProviderConfig update ends,
    which removes it from the cluster."""

    def __init__(self, backend: EKSBackend, cluster: Cluster, oidc: dict[str, Any], tags: dict[str, str] | None):
        self.name: str = oidc["identityProviderConfigName"]
        self.cluster_name = cluster.name
        self.identity_provider_config_arn = (f"arn:{backend.partition}:eks:{backend.region_name}:{backend.account_id}:"
                                             f"identityproviderconfig/{cluster.name}/oidc/{self.name}/{uuid.uuid4()}")
        self.issuer_url: str = oidc["issuerUrl"]
        self.client_id: str = oidc["clientId"]
        self.username_claim: str = oidc.get("usernameClaim") or "sub"  # AWS's default
        self.username_prefix: str | None = oidc.get("usernamePrefix")
        self.groups_claim: str | None = oidc.get("groupsClaim")
        self.groups_prefix: str | None = oidc.get("groupsPrefix")
        self.required_claims: dict[str, str] = dict(oidc.get("requiredClaims") or {})
        self.tags: dict[str, str] = dict(tags or {})
        self.association: dict[str, Any] | None = None
        self.disassociation: dict[str, Any] | None = None

    @property
    def status(self) -> str:
        if self.disassociation is not None:
            return "DELETING"
        if self.association is not None and _update_status(self.association) == "InProgress":
            return "CREATING"
        return "ACTIVE"

    def shape(self) -> dict[str, Any]:
        """As AWS answers it: requiredClaims and tags always (empty maps too), the optional
        prefixes and groupsClaim only when they were given."""
        out: dict[str, Any] = {
            "identityProviderConfigName": self.name,
            "identityProviderConfigArn": self.identity_provider_config_arn,
            "clusterName": self.cluster_name,
            "issuerUrl": self.issuer_url,
            "clientId": self.client_id,
            "usernameClaim": self.username_claim,
        }
        for key, value in (("usernamePrefix", self.username_prefix), ("groupsClaim", self.groups_claim),
                           ("groupsPrefix", self.groups_prefix)):
            if value is not None:
                out[key] = value
        out.update({"requiredClaims": self.required_claims, "tags": self.tags, "status": self.status})
        return out


def _identity_providers_raw(cluster: Cluster) -> dict[str, IdentityProviderConfig]:
    return cluster.__dict__.setdefault("_eksup_identity_providers", {})


def _identity_providers(cluster: Cluster) -> dict[str, IdentityProviderConfig]:
    """The cluster's configs, after removing those whose disassociation has ended or whose
    association failed."""
    configs = _identity_providers_raw(cluster)
    for config in list(configs.values()):
        if config.association is not None:
            _update_status(config.association)  # a failed end removes the config
        if config.disassociation is not None:
            _update_status(config.disassociation)  # its end removes the config
    return configs


def _null(path: str) -> InvalidParameterException:
    return _invalid_parameter(f"1 validation error detected: Value null at '{path}' failed to satisfy constraint: Member must not be null")


def _identity_provider_of_request(response: EKSResponse, cluster: Cluster) -> IdentityProviderConfig:
    """The config the request's `identityProviderConfig` ({type, name}) names: type oidc (else
    InvalidParameterException, our wording), then the name (ResourceNotFoundException, AWS's)."""
    ref = response._get_param("identityProviderConfig")
    if not isinstance(ref, dict):
        raise _null("identityProviderConfig")
    for key in ("type", "name"):
        if ref.get(key) is None:
            raise _null(f"identityProviderConfig.{key}")
    kind, name = ref["type"], ref["name"]
    if kind not in IDENTITY_PROVIDER_TYPES:
        raise _invalid_parameter(f"Unsupported identity provider config type: {kind}. Supported types: {', '.join(IDENTITY_PROVIDER_TYPES)}")
    config = _identity_providers(cluster).get(name)
    if config is None:
        raise _not_found(f"No config found for cluster: {cluster.name}, config type: {kind}, config name: {name}")
    return config


def _check_oidc(response: EKSResponse, cluster: Cluster) -> dict[str, Any]:
    """AWS's rules for an OIDC provider (API_OidcIdentityProviderConfigRequest): a name, an issuer
    URL that begins with https:// (a path is allowed, a query is not) and is not the cluster's own
    OIDC issuer, a client id; prefixes that do not contain ``system:``; required claims with keys of
    1..63 and values of 1..253 characters, at most MAX_REQUIRED_CLAIMS. InvalidParameterException;
    the wordings are ours except the cluster-issuer one (AWS's)."""
    from urllib.parse import urlsplit

    oidc = response._get_param("oidc")
    if not isinstance(oidc, dict):
        raise _null("oidc")
    for field in ("identityProviderConfigName", "issuerUrl", "clientId"):
        value = oidc.get(field)
        if value is None:
            raise _null(f"oidc.{field}")
        if not isinstance(value, str) or not value.strip():
            raise _invalid_parameter(f"oidc.{field} must be a non-empty string")
    url = oidc["issuerUrl"]
    parts = urlsplit(url)
    if not url.startswith("https://") or not parts.hostname:
        raise _invalid_parameter(f"Invalid issuerUrl {url}: the issuer URL must begin with https://")
    if parts.query or parts.fragment:
        raise _invalid_parameter(f"Invalid issuerUrl {url}: query parameters and fragments are not allowed")
    own = ((cluster.__dict__.get("identity") or {}).get("oidc") or {}).get("issuer")
    if own and url.rstrip("/") == own.rstrip("/"):
        raise _invalid_parameter(SAME_AS_CLUSTER_ISSUER)
    for field in ("usernamePrefix", "groupsPrefix"):
        value = oidc.get(field)
        if isinstance(value, str) and "system:" in value:
            raise _invalid_parameter(f"Invalid {field} {value}: the prefix can't contain system:")
    claims = oidc.get("requiredClaims")
    if claims is not None:
        if not isinstance(claims, dict):
            raise _invalid_parameter("oidc.requiredClaims must be a map of strings")
        if len(claims) > MAX_REQUIRED_CLAIMS:
            raise _invalid_parameter(f"At most {MAX_REQUIRED_CLAIMS} required claims are allowed ({len(claims)} given)")
        for key, value in claims.items():
            if not isinstance(key, str) or not 1 <= len(key) <= 63:
                raise _invalid_parameter(f"Required claim key '{key}' must have 1 to 63 characters")
            if not isinstance(value, str) or not 1 <= len(value) <= 253:
                raise _invalid_parameter(f"The value of required claim '{key}' must have 1 to 253 characters")
    return oidc


def _check_identity_provider_updatable(cluster: Cluster, asked: str) -> None:
    """An association/disassociation is a cluster update: refused while another update (of any
    kind, these included) is in progress (ResourceInUseException, AWS's message, elastic/cloudbeat
    issue 3093) or the cluster is not ACTIVE (InvalidRequestException, as create-addon)."""
    busy = _update_in_progress(cluster)
    if busy is not None:
        raise _in_use(f"Cannot {asked} because cluster {cluster.name} currently has update {busy['id']} in progress")
    if cluster.status != "ACTIVE":
        raise InvalidRequestException(message=f"Cluster '{cluster.name}' is not in ACTIVE status")


def _issuer_reachable(url: str) -> bool:
    """Whether EKS could fetch the issuer's discovery document (see the module docs)."""
    from urllib.parse import urlsplit

    host = (urlsplit(url).hostname or "").lower()
    unreachable = {h.strip().lower() for h in os.environ.get("EKSUP_MOTO_UNREACHABLE_ISSUERS", "").split(",") if h.strip()}
    return not (host == "invalid" or host.endswith(".invalid") or host in unreachable)


def associate_identity_provider_config(self: EKSResponse) -> ActionResult:
    """Checked in this order: the cluster (ResourceNotFoundException); a repeated request (same
    clientRequestToken and parameters: the original update, as it is now); the parameters
    (_check_oidc, tags: InvalidParameterException); a config of the same name that is not being
    disassociated (ResourceInUseException); another one (InvalidRequestException: a cluster takes
    one OIDC identity provider); an update in progress or a cluster not ACTIVE. The answer's update
    is InProgress (also without a delay, as AWS always answers); the config is CREATING for
    MOTO_EKS_IDENTITY_PROVIDER_CREATE_SECONDS, then ACTIVE and the update Successful."""
    cluster = _cluster(self.eks_backend, _cluster_name(self))
    with _IDEMPOTENCY_LOCK:
        replay = _replayed_update(self, cluster)
        if replay is not None:
            return ActionResult({"update": replay.result["update"], "tags": dict(self._get_param("tags") or {})})
        oidc = _check_oidc(self, cluster)
        tags = self._get_param("tags")
        _check_tags(tags)
        name = oidc["identityProviderConfigName"]
        live = [c for c in _identity_providers(cluster).values() if c.disassociation is None]
        if any(c.name == name for c in live):
            raise _in_use(f"Identity provider config {name} already exists for cluster {cluster.name}")
        if live:
            raise InvalidRequestException(message=f"An identity provider config already exists for cluster {cluster.name}: "
                                                  f"{live[0].name}. A cluster can have one OIDC identity provider config.")
        _check_identity_provider_updatable(cluster, "AssociateIdentityProviderConfig")
        config = IdentityProviderConfig(self.eks_backend, cluster, oidc, tags)
        params = [{"type": "IdentityProviderConfig", "value": _json([{"type": "oidc", "name": name}])}]

        def finish(update: dict[str, Any]) -> str:
            if not _issuer_reachable(config.issuer_url):
                update["errors"] = [{"errorCode": "Unknown", "resourceIds": [name],
                                     "errorMessage": f"Unable to reach the OIDC issuer {config.issuer_url}"}]
                if _identity_providers_raw(cluster).get(name) is config:
                    del _identity_providers_raw(cluster)[name]
                return "Failed"
            return "Successful"

        update = _record_update(cluster, "AssociateIdentityProviderConfig", params, finish=finish,
                                backend=self.eks_backend, seconds=_create_delay("identityprovider"))
        config.association = update
        _identity_providers_raw(cluster)[name] = config
        answer = _public(update)
        _update_status(update)  # no delay: ACTIVE (and Successful) from the next read on
        _remember_update(self, cluster, update)
        return ActionResult({"update": answer, "tags": dict(config.tags)})


def describe_identity_provider_config(self: EKSResponse) -> ActionResult:
    cluster = _cluster(self.eks_backend, _cluster_name(self))
    return ActionResult({"identityProviderConfig": {"oidc": _identity_provider_of_request(self, cluster).shape()}})


def list_identity_provider_configs(self: EKSResponse) -> ActionResult:
    """CREATING and DELETING configs included; maxResults 1..100 / nextToken."""
    cluster = _cluster(self.eks_backend, _cluster_name(self))
    refs = [{"type": "oidc", "name": name} for name in _identity_providers(cluster)]
    page, token = _page(refs, self)
    return ActionResult({"identityProviderConfigs": page, "nextToken": token})


def disassociate_identity_provider_config(self: EKSResponse) -> ActionResult:
    """Checked in this order: the cluster; a repeated request (the original update); the config
    named (InvalidParameterException / ResourceNotFoundException); a config still CREATING ->
    InvalidRequestException "Identity provider config is not associated with cluster <c>" (AWS's
    answer to a disassociation before the association ended, terraform-provider-aws); an update in
    progress (a DELETING config's own included) or a cluster not ACTIVE. The answer's update is
    InProgress; the config is DELETING for MOTO_EKS_IDENTITY_PROVIDER_DELETE_SECONDS, then gone and
    the update Successful."""
    cluster = _cluster(self.eks_backend, _cluster_name(self))
    with _IDEMPOTENCY_LOCK:
        replay = _replayed_update(self, cluster)
        if replay is not None:
            return replay
        config = _identity_provider_of_request(self, cluster)
        if config.status == "CREATING":
            raise InvalidRequestException(message=f"Identity provider config is not associated with cluster {cluster.name}")
        _check_identity_provider_updatable(cluster, "DisassociateIdentityProviderConfig")

        def finish(update: dict[str, Any]) -> str:
            configs = _identity_providers_raw(cluster)
            if configs.get(config.name) is config:
                del configs[config.name]
            return "Successful"

        update = _record_update(cluster, "DisassociateIdentityProviderConfig", [{"type": "IdentityProviderConfig", "value": "[]"}],
                                finish=finish, backend=self.eks_backend, seconds=DELAYS["identityprovider"][1])
        config.disassociation = update
        answer = _public(update)
        _update_status(update)  # no delay: gone from the next read on
        _remember_update(self, cluster, update)
        return ActionResult({"update": answer})


# ---------------------------------------------------------------------------------------
# Tags on every EKS ARN (moto: cluster ARNs only)
# ---------------------------------------------------------------------------------------
def _taggable(backend: EKSBackend, arn: str) -> Any:
    for cluster in backend.clusters.values():
        if cluster.arn == arn:
            return cluster
        candidates = [*cluster.nodegroups.values(), *cluster.fargate_profiles.values(), *_addons(cluster).values(),
                      *_access_entries(cluster).values(), *_pod_identities(cluster).values(), *_identity_providers(cluster).values()]
        for obj in candidates:
            arns = ("arn", "fargate_profile_arn", "addon_arn", "access_entry_arn", "association_arn", "identity_provider_config_arn")
            if arn in (getattr(obj, name, None) for name in arns):
                return obj
    raise _not_found("Resource was not found")


def tag_resource(self: EKSBackend, resource_arn: str, tags: dict[str, str]) -> None:
    _taggable(self, resource_arn).tags.update(tags)


def untag_resource(self: EKSBackend, resource_arn: str, tag_keys: list[str]) -> None:
    obj = _taggable(self, resource_arn)
    for key in tag_keys if isinstance(tag_keys, list) else [tag_keys]:
        obj.tags.pop(key, None)


def list_tags_for_resource(self: EKSBackend, resource_arn: str) -> dict[str, str]:
    return _taggable(self, resource_arn).tags


# ---------------------------------------------------------------------------------------
# Idempotency tokens (clientRequestToken)
# ---------------------------------------------------------------------------------------
def _cluster_or_none(response: EKSResponse) -> Cluster | None:
    return response.eks_backend.clusters.get(_cluster_name(response))


def _child(response: EKSResponse, get: Callable[[Cluster], dict[str, Any]], key: str) -> Any:
    cluster = _cluster_or_none(response)
    return None if cluster is None else get(cluster).get(response._get_param(key))


def _pod_identity_of_request(response: EKSResponse) -> PodIdentityAssociation | None:
    """The association of the namespace/serviceAccount a CreatePodIdentityAssociation names."""
    cluster = _cluster_or_none(response)
    wanted = (response._get_param("namespace"), response._get_param("serviceAccount"))
    associations = [] if cluster is None else _pod_identities(cluster).values()
    return next((a for a in associations if (a.namespace, a.service_account) == wanted), None)


# Create operation (EKSResponse method) -> the resource the request names, or None.
IDEMPOTENT_CREATES: dict[str, Callable[[EKSResponse], Any]] = {
    "create_cluster": lambda r: r.eks_backend.clusters.get(r._get_param("name")),
    "create_nodegroup": lambda r: _child(r, lambda c: c.nodegroups, "nodegroupName"),
    "create_fargate_profile": lambda r: _child(r, lambda c: c.fargate_profiles, "fargateProfileName"),
    "create_addon": lambda r: _child(r, _addons, "addonName"),
    "create_access_entry": lambda r: _child(r, _access_entries, "principalArn"),
    "create_pod_identity_association": _pod_identity_of_request,
}
_IDEMPOTENCY_LOCK = threading.RLock()  # a retry may race the original request (client timeout)


def _request_fingerprint(response: EKSResponse) -> str:
    """The request without its token: path (cluster name) + JSON body, canonically ordered."""
    try:
        body = json.loads(response.body or "{}")
    except ValueError:
        body = {}
    if isinstance(body, dict):
        body.pop("clientRequestToken", None)
    return json.dumps([response.path, body], sort_keys=True, default=str)


def idempotent(method: Callable[[EKSResponse], Any], lookup: Callable[[EKSResponse], Any]) -> Callable[[EKSResponse], Any]:
    """AWS: a create repeated with the token (and parameters) that created the resource returns
    that resource instead of ResourceInUseException."""

    def handler(self: EKSResponse) -> Any:
        token = self._get_param("clientRequestToken")
        if not token:
            return method(self)
        fingerprint = _request_fingerprint(self)
        with _IDEMPOTENCY_LOCK:
            existing = lookup(self)
            saved = None if existing is None else existing.__dict__.get("_eksup_create")
            if saved is not None and saved[0] == token and saved[1] == fingerprint:
                return saved[2]
            result = method(self)  # existing resource (other token/parameters): ResourceInUseException
            created = lookup(self)
            if created is not None:
                created._eksup_create = (token, fingerprint, result)
            return result

    handler.__name__ = method.__name__
    return handler


# ---------------------------------------------------------------------------------------
# Wiring
# ---------------------------------------------------------------------------------------
ROUTES = [
    "{0}/clusters/(?P<name>[^/]+)/addons$",
    "{0}/clusters/(?P<name>[^/]+)/addons/(?P<addonName>[^/]+)$",
    "{0}/clusters/(?P<name>[^/]+)/addons/(?P<addonName>[^/]+)/update$",
    "{0}/addons/supported-versions$",
    "{0}/clusters/(?P<name>[^/]+)/access-entries$",
    # The principal/policy ARNs contain '/', so one greedy route covers the sub-resources;
    # moto's botocore-model router then picks the operation from the raw (encoded) path.
    "{0}/clusters/(?P<name>[^/]+)/access-entries/(?P<principalArn>.+)$",
    "{0}/access-policies$",
    "{0}/clusters/(?P<name>[^/]+)/updates$",
    "{0}/clusters/(?P<name>[^/]+)/updates/(?P<updateId>[^/]+)$",
    "{0}/clusters/(?P<name>[^/]+)/insights$",
    "{0}/clusters/(?P<name>[^/]+)/insights/(?P<id>[^/]+)$",
    "{0}/cluster-versions$",
    "{0}/clusters/(?P<name>[^/]+)/node-groups/(?P<nodegroupName>[^/]+)/update-version$",
    "{0}/clusters/(?P<name>[^/]+)/encryption-config/associate$",
    "{0}/clusters/(?P<name>[^/]+)/pod-identity-associations$",
    "{0}/clusters/(?P<name>[^/]+)/pod-identity-associations/(?P<associationId>[^/]+)$",
    "{0}/clusters/(?P<name>[^/]+)/identity-provider-configs$",
    "{0}/clusters/(?P<name>[^/]+)/identity-provider-configs/associate$",
    "{0}/clusters/(?P<name>[^/]+)/identity-provider-configs/describe$",
    "{0}/clusters/(?P<name>[^/]+)/identity-provider-configs/disassociate$",
]

RESPONSE_METHODS = [
    create_addon, describe_addon, list_addons, delete_addon, update_addon, describe_addon_versions,
    create_access_entry, describe_access_entry, list_access_entries, update_access_entry, delete_access_entry,
    list_access_policies, associate_access_policy, disassociate_access_policy, list_associated_access_policies,
    update_cluster_version, list_insights, describe_insight, describe_cluster_versions, update_nodegroup_version,
    associate_encryption_config,
    create_pod_identity_association, describe_pod_identity_association, list_pod_identity_associations,
    update_pod_identity_association, delete_pod_identity_association,
    associate_identity_provider_config, describe_identity_provider_config, list_identity_provider_configs,
    disassociate_identity_provider_config,
]


def install() -> None:
    """Apply all EKS patches (call once, before the server handles requests)."""
    for cls, kind in ((Cluster, "cluster"), (Nodegroup, "nodegroup"), (FargateProfile, "fargate"), (Addon, "addon")):
        lifecycle(cls, kind)

    for route in ROUTES:
        eks_urls.url_paths[route] = eks_urls.response.dispatch

    for method in RESPONSE_METHODS:
        setattr(EKSResponse, method.__name__, method)
    EKSResponse.create_cluster = create_cluster_response
    EKSResponse.create_nodegroup = create_nodegroup_response
    EKSResponse.update_cluster_config = update_cluster_config_response
    EKSResponse.describe_update = describe_update_response
    EKSResponse.list_updates = list_updates_response
    for name, lookup in IDEMPOTENT_CREATES.items():
        setattr(EKSResponse, name, idempotent(getattr(EKSResponse, name), lookup))

    original_call_action = BaseResponse.call_action

    def call_action(self: EKSResponse) -> Any:
        sweep(self.eks_backend)
        try:
            return original_call_action(self)
        finally:
            for cluster in list(self.eks_backend.clusters.values()):
                for nodegroup in list(cluster.nodegroups.values()):
                    nodegroup.__dict__.pop("_eksup_hold", None)

    EKSResponse.call_action = call_action

    EKSBackend.create_cluster = create_cluster
    EKSBackend.delete_cluster = delete_cluster
    EKSBackend.create_nodegroup = create_nodegroup
    EKSBackend.delete_nodegroup = delete_nodegroup
    EKSBackend.reset = reset
    EKSBackend.create_fargate_profile = create_fargate_profile
    EKSBackend.delete_fargate_profile = delete_fargate_profile
    EKSBackend.list_nodegroups = list_nodegroups
    EKSBackend.list_fargate_profiles = list_fargate_profiles
    EKSBackend.update_nodegroup_config = update_nodegroup_config
    EKSBackend.tag_resource = tag_resource
    EKSBackend.untag_resource = untag_resource
    EKSBackend.list_tags_for_resource = list_tags_for_resource
