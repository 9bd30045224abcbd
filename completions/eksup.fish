# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_eksup_global_optspecs
    string join \n r/region= p/profile= v/verbose q/quiet color= h/help V/version
end

function __fish_eksup_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_eksup_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_eksup_using_subcommand
    set -l cmd (__fish_eksup_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c eksup -n "__fish_eksup_needs_command" -s r -l region -d 'AWS region (default: the config file, then AWS_REGION and the AWS profile)' -r
complete -c eksup -n "__fish_eksup_needs_command" -s p -l profile -d 'AWS profile from the shared config files' -r
complete -c eksup -n "__fish_eksup_needs_command" -l color -d 'When to use colours (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eksup -n "__fish_eksup_needs_command" -s v -l verbose -d 'Say more (repeatable)'
complete -c eksup -n "__fish_eksup_needs_command" -s q -l quiet -d 'Say only errors'
complete -c eksup -n "__fish_eksup_needs_command" -s h -l help -d 'Print help'
complete -c eksup -n "__fish_eksup_needs_command" -s V -l version -d 'Print version'
complete -c eksup -n "__fish_eksup_needs_command" -f -a "create" -d 'Create a cluster, node group or repository'
complete -c eksup -n "__fish_eksup_needs_command" -f -a "get" -d 'Show clusters, node groups or repositories'
complete -c eksup -n "__fish_eksup_needs_command" -f -a "delete" -d 'Delete a cluster, node group or repository'
complete -c eksup -n "__fish_eksup_needs_command" -f -a "scale" -d 'Change the size of a node group'
complete -c eksup -n "__fish_eksup_needs_command" -f -a "set" -d 'Add or change labels of a managed node group\'s nodes'
complete -c eksup -n "__fish_eksup_needs_command" -f -a "unset" -d 'Remove labels of a managed node group\'s nodes'
complete -c eksup -n "__fish_eksup_needs_command" -f -a "drain" -d 'Cordon a node group\'s nodes and evict their pods (or `--undo`)'
complete -c eksup -n "__fish_eksup_needs_command" -f -a "update" -d 'Update an add-on in place'
complete -c eksup -n "__fish_eksup_needs_command" -f -a "upgrade" -d 'Move a control plane or a managed node group to a newer Kubernetes version'
complete -c eksup -n "__fish_eksup_needs_command" -f -a "utils" -d 'Utilities: kubeconfig, schema, cluster settings and what EKS offers'
complete -c eksup -n "__fish_eksup_needs_command" -f -a "set-context" -d 'Write a cluster\'s kubeconfig entries and make its context current'
complete -c eksup -n "__fish_eksup_needs_command" -f -a "get-token" -d 'Print an ExecCredential with a bearer token for a cluster (kubectl exec plugin)'
complete -c eksup -n "__fish_eksup_needs_command" -f -a "ecr" -d 'Amazon ECR helpers'
complete -c eksup -n "__fish_eksup_needs_command" -f -a "init" -d 'Write a commented cluster YAML, asking questions on a terminal'
complete -c eksup -n "__fish_eksup_needs_command" -f -a "completion" -d 'Print a shell completion script'
complete -c eksup -n "__fish_eksup_needs_command" -f -a "version" -d 'Print the version'
complete -c eksup -n "__fish_eksup_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c eksup -n "__fish_eksup_using_subcommand create; and not __fish_seen_subcommand_from cluster nodegroup iamserviceaccount podidentityassociation addon fargateprofile accessentry capability iamidentitymapping repository help" -s r -l region -d 'AWS region (default: the config file, then AWS_REGION and the AWS profile)' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and not __fish_seen_subcommand_from cluster nodegroup iamserviceaccount podidentityassociation addon fargateprofile accessentry capability iamidentitymapping repository help" -s p -l profile -d 'AWS profile from the shared config files' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and not __fish_seen_subcommand_from cluster nodegroup iamserviceaccount podidentityassociation addon fargateprofile accessentry capability iamidentitymapping repository help" -l color -d 'When to use colours (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eksup -n "__fish_eksup_using_subcommand create; and not __fish_seen_subcommand_from cluster nodegroup iamserviceaccount podidentityassociation addon fargateprofile accessentry capability iamidentitymapping repository help" -s v -l verbose -d 'Say more (repeatable)'
complete -c eksup -n "__fish_eksup_using_subcommand create; and not __fish_seen_subcommand_from cluster nodegroup iamserviceaccount podidentityassociation addon fargateprofile accessentry capability iamidentitymapping repository help" -s q -l quiet -d 'Say only errors'
complete -c eksup -n "__fish_eksup_using_subcommand create; and not __fish_seen_subcommand_from cluster nodegroup iamserviceaccount podidentityassociation addon fargateprofile accessentry capability iamidentitymapping repository help" -s h -l help -d 'Print help'
complete -c eksup -n "__fish_eksup_using_subcommand create; and not __fish_seen_subcommand_from cluster nodegroup iamserviceaccount podidentityassociation addon fargateprofile accessentry capability iamidentitymapping repository help" -f -a "cluster" -d 'Create a cluster from a config file or from flags'
complete -c eksup -n "__fish_eksup_using_subcommand create; and not __fish_seen_subcommand_from cluster nodegroup iamserviceaccount podidentityassociation addon fargateprofile accessentry capability iamidentitymapping repository help" -f -a "nodegroup" -d 'Create node groups of an existing cluster from a config file'
complete -c eksup -n "__fish_eksup_using_subcommand create; and not __fish_seen_subcommand_from cluster nodegroup iamserviceaccount podidentityassociation addon fargateprofile accessentry capability iamidentitymapping repository help" -f -a "iamserviceaccount" -d 'Create service accounts and their IAM roles on an existing cluster, from flags or a config file'
complete -c eksup -n "__fish_eksup_using_subcommand create; and not __fish_seen_subcommand_from cluster nodegroup iamserviceaccount podidentityassociation addon fargateprofile accessentry capability iamidentitymapping repository help" -f -a "podidentityassociation" -d 'Create EKS Pod Identity associations and their IAM roles on an existing cluster, from flags or a config file'
complete -c eksup -n "__fish_eksup_using_subcommand create; and not __fish_seen_subcommand_from cluster nodegroup iamserviceaccount podidentityassociation addon fargateprofile accessentry capability iamidentitymapping repository help" -f -a "addon" -d 'Create add-ons on an existing cluster, from flags or a config file'
complete -c eksup -n "__fish_eksup_using_subcommand create; and not __fish_seen_subcommand_from cluster nodegroup iamserviceaccount podidentityassociation addon fargateprofile accessentry capability iamidentitymapping repository help" -f -a "fargateprofile" -d 'Create Fargate profiles on an existing cluster, from flags or a config file'
complete -c eksup -n "__fish_eksup_using_subcommand create; and not __fish_seen_subcommand_from cluster nodegroup iamserviceaccount podidentityassociation addon fargateprofile accessentry capability iamidentitymapping repository help" -f -a "accessentry" -d 'Create access entries on an existing cluster, from flags or a config file'
complete -c eksup -n "__fish_eksup_using_subcommand create; and not __fish_seen_subcommand_from cluster nodegroup iamserviceaccount podidentityassociation addon fargateprofile accessentry capability iamidentitymapping repository help" -f -a "capability" -d 'Create the config file\'s EKS capabilities (ACK, kro, Argo CD) on its existing cluster'
complete -c eksup -n "__fish_eksup_using_subcommand create; and not __fish_seen_subcommand_from cluster nodegroup iamserviceaccount podidentityassociation addon fargateprofile accessentry capability iamidentitymapping repository help" -f -a "iamidentitymapping" -d 'Create IAM identity mappings on an existing cluster, from flags or a config file'
complete -c eksup -n "__fish_eksup_using_subcommand create; and not __fish_seen_subcommand_from cluster nodegroup iamserviceaccount podidentityassociation addon fargateprofile accessentry capability iamidentitymapping repository help" -f -a "repository" -d 'Create an ECR repository'
complete -c eksup -n "__fish_eksup_using_subcommand create; and not __fish_seen_subcommand_from cluster nodegroup iamserviceaccount podidentityassociation addon fargateprofile accessentry capability iamidentitymapping repository help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from cluster" -s f -l config-file -d 'Cluster config file (`-` for standard input)' -r -F
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from cluster" -s n -l name -d 'Cluster name' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from cluster" -l version -d 'Kubernetes version' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from cluster" -l tags -d 'Tags for every resource (`k1=v1,k2=v2`)' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from cluster" -l zones -d 'Availability zones (`us-west-2a,us-west-2b`)' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from cluster" -l managed -d 'Managed node group (default) instead of self-managed' -r -f -a "true\t''
false\t''"
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from cluster" -l nodegroup-name -d 'Node group name' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from cluster" -s t -l node-type -d 'Node instance type' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from cluster" -s N -l nodes -d 'Desired node count' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from cluster" -s m -l nodes-min -d 'Minimum node count' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from cluster" -s M -l nodes-max -d 'Maximum node count' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from cluster" -l node-volume-size -d 'Node root volume size in GiB' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from cluster" -l node-volume-type -d 'Node root volume type' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from cluster" -l node-ami-family -d 'Node AMI family' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from cluster" -l instance-types -d 'Instance types of a managed node group (`m5.large,m5a.large`)' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from cluster" -l vpc-cidr -d 'VPC CIDR' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from cluster" -l vpc-nat-mode -d 'NAT mode: HighlyAvailable, Single or Disable' -r -f -a "Single\t''
HighlyAvailable\t''
Disable\t''"
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from cluster" -l node-labels -d 'Labels of the node group\'s nodes (`k1=v1,k2=v2`)' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from cluster" -l node-zones -d 'Zones of the node group (among `--zones`; default: the cluster\'s)' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from cluster" -l max-pods-per-node -d 'Most pods a node runs (default: what its instance type\'s network interfaces allow)' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from cluster" -l ssh-public-key -d 'The nodes\' SSH key: a public key file to import, or the name of an EC2 key pair (implies `--ssh-access`)' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from cluster" -l vpc-private-subnets -d 'Subnets of an existing VPC for the cluster\'s private side (`subnet-1,subnet-2`)' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from cluster" -l vpc-public-subnets -d 'Subnets of an existing VPC for the cluster\'s public side (`subnet-1,subnet-2`)' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from cluster" -l instance-selector-vcpus -d 'The node group\'s instance types chosen by EC2: this many vCPUs (`instanceSelector.vCPUs`)' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from cluster" -l instance-selector-memory -d '... this much memory: GiB (`4`) or with a unit (`4GiB`, `512MiB`)' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from cluster" -l instance-selector-cpu-architecture -d '... this CPU architecture: `x86_64` or `arm64`' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from cluster" -l instance-selector-gpus -d '... this many GPUs (`0`: none)' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from cluster" -l instance-selector-neuron-devices -d '... this many AWS Neuron devices (`0`: none)' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from cluster" -s o -l output -d 'Output: the plan tree (table), the plan as JSON, the defaulted config as YAML, or the plan graph for Mermaid or Graphviz; with a real run, `json` writes one event per line on stdout' -r -f -a "table\t'The plan as a tree (people)'
json\t'The plan as JSON; with a real run, one event per line'
yaml\t'The defaulted config (eksctl\'s format)'
mermaid\t'The plan as a Mermaid flowchart (`--dry-run`)'
dot\t'The plan as a Graphviz graph for `dot -Tsvg` (`--dry-run`)'"
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from cluster" -l timeline -d 'Write an SVG timeline of the run to this file: every step from start to end, its waiting time and the critical path' -r -F
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from cluster" -l timeout -d 'Give up after this long (e.g. `40m`, `1h`)' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from cluster" -l parallelism -d 'How many steps may work at once (a step that waits for AWS between polls does not count)' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from cluster" -l wait-nodes -d 'Wait until every node group\'s nodes are Ready in Kubernetes (`--wait-nodes=false` skips it)' -r -f -a "true\t''
false\t''"
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from cluster" -l write-kubeconfig -d 'Write the kubeconfig once the control plane is active' -r -f -a "true\t''
false\t''"
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from cluster" -l kubeconfig -d 'Kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from cluster" -l set-kubeconfig-context -d 'Make the new context the current one' -r -f -a "true\t''
false\t''"
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from cluster" -s r -l region -d 'AWS region (default: the config file, then AWS_REGION and the AWS profile)' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from cluster" -s p -l profile -d 'AWS profile from the shared config files' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from cluster" -l color -d 'When to use colours (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from cluster" -l with-oidc -d 'Create an IAM OIDC provider for the cluster'
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from cluster" -l without-nodegroup -d 'Create the cluster without a node group'
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from cluster" -s P -l node-private-networking -d 'Put nodes in private subnets'
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from cluster" -l spot -d 'Spot instances for the managed node group'
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from cluster" -l fargate -d 'Add a Fargate profile `fp-default` for the `default` and `kube-system` namespaces'
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from cluster" -l ssh-access -d 'Allow SSH to the nodes (with `~/.ssh/id_rsa.pub` unless `--ssh-public-key` says otherwise)'
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from cluster" -l enable-auto-mode -d 'EKS Auto Mode: EKS runs the nodes (no node group is made)'
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from cluster" -l dry-run -d 'Print the plan and change nothing'
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from cluster" -l skip-preflight -d 'Create without the checks made before the first change (quotas, zones, permissions, names taken, CIDR overlaps)'
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from cluster" -l rollback -d 'On failure, delete what this run created'
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from cluster" -l prune -d 'On a cluster that exists, also delete its node groups, add-ons and Fargate profiles that are no longer in the config (the `-` of `--dry-run`)'
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from cluster" -s v -l verbose -d 'Say more (repeatable)'
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from cluster" -s q -l quiet -d 'Say only errors'
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from cluster" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from nodegroup" -s f -l config-file -d 'Cluster config file (`-` for standard input)' -r -F
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from nodegroup" -l cluster -d 'The cluster (when not given by the file)' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from nodegroup" -l include -d 'Only node groups matching these names or globs' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from nodegroup" -l exclude -d 'Skip node groups matching these names or globs' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from nodegroup" -s o -l output -r -f -a "table\t'The plan as a tree (people)'
json\t'The plan as JSON; with a real run, one event per line'
yaml\t'The defaulted config (eksctl\'s format)'
mermaid\t'The plan as a Mermaid flowchart (`--dry-run`)'
dot\t'The plan as a Graphviz graph for `dot -Tsvg` (`--dry-run`)'"
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from nodegroup" -l timeout -d 'Give up after this long (e.g. `40m`, `1h`)' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from nodegroup" -l wait-nodes -d 'Wait until the node groups\' nodes are Ready in Kubernetes (`--wait-nodes=false` skips it)' -r -f -a "true\t''
false\t''"
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from nodegroup" -s r -l region -d 'AWS region (default: the config file, then AWS_REGION and the AWS profile)' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from nodegroup" -s p -l profile -d 'AWS profile from the shared config files' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from nodegroup" -l color -d 'When to use colours (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from nodegroup" -l dry-run -d 'Print the plan and change nothing'
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from nodegroup" -s v -l verbose -d 'Say more (repeatable)'
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from nodegroup" -s q -l quiet -d 'Say only errors'
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from nodegroup" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from iamserviceaccount" -s f -l config-file -d 'Cluster config file (`-` for standard input)' -r -F
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from iamserviceaccount" -l include -d 'Only the file\'s entries matching these names or globs (`namespace/name` for service accounts and pod identity associations, principal ARNs for access entries)' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from iamserviceaccount" -l exclude -d 'Skip the file\'s entries matching these names or globs' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from iamserviceaccount" -s o -l output -r -f -a "table\t'The plan as a tree (people)'
json\t'The plan as JSON; with a real run, one event per line'
yaml\t'The defaulted config (eksctl\'s format)'
mermaid\t'The plan as a Mermaid flowchart (`--dry-run`)'
dot\t'The plan as a Graphviz graph for `dot -Tsvg` (`--dry-run`)'"
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from iamserviceaccount" -l timeout -d 'Give up after this long (e.g. `40m`, `1h`)' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from iamserviceaccount" -s c -l cluster -d 'The existing cluster' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from iamserviceaccount" -l name -d 'The service account' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from iamserviceaccount" -l namespace -d 'Its namespace (made if missing) [default: default]' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from iamserviceaccount" -l attach-policy-arn -d 'Managed policies of the role eksup makes (repeatable)' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from iamserviceaccount" -l attach-role-arn -d 'A role of yours for the service account, instead of one eksup makes' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from iamserviceaccount" -l role-name -d 'The name of the role eksup makes (default: `eksup-<cluster>-sa-<namespace>-<name>`)' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from iamserviceaccount" -l permissions-boundary -d 'Permissions boundary of the role eksup makes' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from iamserviceaccount" -l tags -d 'Tags of the role (`k1=v1,k2=v2`)' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from iamserviceaccount" -l subject-pattern -d 'A pattern (`*`, `?`) of service account names the role trusts, instead of `--name` alone' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from iamserviceaccount" -s r -l region -d 'AWS region (default: the config file, then AWS_REGION and the AWS profile)' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from iamserviceaccount" -s p -l profile -d 'AWS profile from the shared config files' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from iamserviceaccount" -l color -d 'When to use colours (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from iamserviceaccount" -l dry-run -d 'Print the plan and change nothing'
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from iamserviceaccount" -l role-only -d 'Make only the role, not the Kubernetes service account'
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from iamserviceaccount" -l override-existing-serviceaccounts -d 'Accepted for eksctl\'s command lines: eksup always adds the role to a service account that exists'
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from iamserviceaccount" -l approve -d 'Accepted for eksctl\'s command lines: eksup creates unless `--dry-run`'
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from iamserviceaccount" -s v -l verbose -d 'Say more (repeatable)'
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from iamserviceaccount" -s q -l quiet -d 'Say only errors'
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from iamserviceaccount" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from podidentityassociation" -s f -l config-file -d 'Cluster config file (`-` for standard input)' -r -F
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from podidentityassociation" -l include -d 'Only the file\'s entries matching these names or globs (`namespace/name` for service accounts and pod identity associations, principal ARNs for access entries)' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from podidentityassociation" -l exclude -d 'Skip the file\'s entries matching these names or globs' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from podidentityassociation" -s o -l output -r -f -a "table\t'The plan as a tree (people)'
json\t'The plan as JSON; with a real run, one event per line'
yaml\t'The defaulted config (eksctl\'s format)'
mermaid\t'The plan as a Mermaid flowchart (`--dry-run`)'
dot\t'The plan as a Graphviz graph for `dot -Tsvg` (`--dry-run`)'"
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from podidentityassociation" -l timeout -d 'Give up after this long (e.g. `40m`, `1h`)' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from podidentityassociation" -s c -l cluster -d 'The existing cluster' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from podidentityassociation" -l namespace -d 'The service account\'s namespace' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from podidentityassociation" -l service-account-name -d 'The service account' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from podidentityassociation" -l role-arn -d 'A role of yours (trusted by `pods.eks.amazonaws.com`), instead of one eksup makes' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from podidentityassociation" -l role-name -d 'The name of the role eksup makes' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from podidentityassociation" -l permission-boundary-arn -d 'Permissions boundary of the role eksup makes' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from podidentityassociation" -l permission-policy-arns -d 'Managed policies of the role eksup makes (`arn1,arn2`)' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from podidentityassociation" -l well-known-policies -d 'eksctl\'s ready-made policies of the role eksup makes (`autoScaler,externalDNS`)' -r -f -a "imageBuilder\t''
autoScaler\t''
awsLoadBalancerController\t''
externalDNS\t''
certManager\t''
ebsCSIController\t''
efsCSIController\t''"
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from podidentityassociation" -l target-role-arn -d 'A role (in any account) the association\'s role assumes in turn' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from podidentityassociation" -l policy -d 'A session policy (JSON) narrowing the role\'s permissions (needs `--disable-session-tags`)' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from podidentityassociation" -l tags -d 'Tags of the association and of the role eksup makes (`k1=v1,k2=v2`)' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from podidentityassociation" -s r -l region -d 'AWS region (default: the config file, then AWS_REGION and the AWS profile)' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from podidentityassociation" -s p -l profile -d 'AWS profile from the shared config files' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from podidentityassociation" -l color -d 'When to use colours (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from podidentityassociation" -l dry-run -d 'Print the plan and change nothing'
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from podidentityassociation" -l disable-session-tags -d 'Leave out the session tags EKS Pod Identity adds'
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from podidentityassociation" -l create-service-account -d 'Make the Kubernetes service account too'
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from podidentityassociation" -s v -l verbose -d 'Say more (repeatable)'
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from podidentityassociation" -s q -l quiet -d 'Say only errors'
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from podidentityassociation" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from addon" -s f -l config-file -d 'Cluster config file (`-` for standard input)' -r -F
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from addon" -l include -d 'Only the file\'s entries matching these names or globs (`namespace/name` for service accounts and pod identity associations, principal ARNs for access entries)' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from addon" -l exclude -d 'Skip the file\'s entries matching these names or globs' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from addon" -s o -l output -r -f -a "table\t'The plan as a tree (people)'
json\t'The plan as JSON; with a real run, one event per line'
yaml\t'The defaulted config (eksctl\'s format)'
mermaid\t'The plan as a Mermaid flowchart (`--dry-run`)'
dot\t'The plan as a Graphviz graph for `dot -Tsvg` (`--dry-run`)'"
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from addon" -l timeout -d 'Give up after this long (e.g. `40m`, `1h`)' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from addon" -s c -l cluster -d 'The existing cluster' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from addon" -l name -d 'The add-on (`vpc-cni`, `aws-ebs-csi-driver`, ...)' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from addon" -l version -d 'A version, or `latest` (default: EKS\'s default for the cluster\'s Kubernetes version)' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from addon" -l service-account-role-arn -d 'An IAM role of yours for the add-on\'s service account' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from addon" -l attach-policy-arn -d 'Managed policies of a role eksup makes for the add-on\'s service account (repeatable)' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from addon" -l namespace-config -d 'The namespace EKS installs the add-on in, as `namespace=<name>` (eksctl\'s form)' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from addon" -s r -l region -d 'AWS region (default: the config file, then AWS_REGION and the AWS profile)' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from addon" -s p -l profile -d 'AWS profile from the shared config files' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from addon" -l color -d 'When to use colours (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from addon" -l dry-run -d 'Print the plan and change nothing'
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from addon" -l wait -d 'Wait until every add-on made is ACTIVE, CoreDNS and metrics-server too (they turn ACTIVE once nodes run them; without `--wait` the run does not wait for those two), as eksctl\'s `--wait`'
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from addon" -l auto-apply-pod-identity-associations -d 'Pod identities with the policies AWS recommends for the add-on\'s service accounts, in roles eksup makes (the `eks-pod-identity-agent` add-on is made too if missing)'
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from addon" -l force -d 'Overwrite changes made in the cluster to what the add-on manages (conflicts resolved with `OVERWRITE`), as eksctl\'s `--force`'
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from addon" -s v -l verbose -d 'Say more (repeatable)'
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from addon" -s q -l quiet -d 'Say only errors'
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from addon" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from fargateprofile" -s f -l config-file -d 'Cluster config file (`-` for standard input)' -r -F
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from fargateprofile" -l include -d 'Only the file\'s entries matching these names or globs (`namespace/name` for service accounts and pod identity associations, principal ARNs for access entries)' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from fargateprofile" -l exclude -d 'Skip the file\'s entries matching these names or globs' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from fargateprofile" -s o -l output -r -f -a "table\t'The plan as a tree (people)'
json\t'The plan as JSON; with a real run, one event per line'
yaml\t'The defaulted config (eksctl\'s format)'
mermaid\t'The plan as a Mermaid flowchart (`--dry-run`)'
dot\t'The plan as a Graphviz graph for `dot -Tsvg` (`--dry-run`)'"
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from fargateprofile" -l timeout -d 'Give up after this long (e.g. `40m`, `1h`)' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from fargateprofile" -s c -l cluster -d 'The existing cluster' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from fargateprofile" -l name -d 'The profile\'s name (default: `fp-` and 8 hex digits of the selector)' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from fargateprofile" -l namespace -d 'The namespace of the pods that run on Fargate' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from fargateprofile" -s l -l labels -d 'The labels those pods must have (`k1=v1,k2=v2`)' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from fargateprofile" -s t -l tags -d 'Tags of the profile (`k1=v1,k2=v2`)' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from fargateprofile" -s r -l region -d 'AWS region (default: the config file, then AWS_REGION and the AWS profile)' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from fargateprofile" -s p -l profile -d 'AWS profile from the shared config files' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from fargateprofile" -l color -d 'When to use colours (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from fargateprofile" -l dry-run -d 'Print the plan and change nothing'
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from fargateprofile" -s v -l verbose -d 'Say more (repeatable)'
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from fargateprofile" -s q -l quiet -d 'Say only errors'
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from fargateprofile" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from accessentry" -s f -l config-file -d 'Cluster config file (`-` for standard input)' -r -F
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from accessentry" -l include -d 'Only the file\'s entries matching these names or globs (`namespace/name` for service accounts and pod identity associations, principal ARNs for access entries)' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from accessentry" -l exclude -d 'Skip the file\'s entries matching these names or globs' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from accessentry" -s o -l output -r -f -a "table\t'The plan as a tree (people)'
json\t'The plan as JSON; with a real run, one event per line'
yaml\t'The defaulted config (eksctl\'s format)'
mermaid\t'The plan as a Mermaid flowchart (`--dry-run`)'
dot\t'The plan as a Graphviz graph for `dot -Tsvg` (`--dry-run`)'"
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from accessentry" -l timeout -d 'Give up after this long (e.g. `40m`, `1h`)' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from accessentry" -s c -l cluster -d 'The existing cluster' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from accessentry" -l principal-arn -d 'The IAM role or user' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from accessentry" -l type -d '`STANDARD` (default), `EC2_LINUX`, `EC2_WINDOWS`, ...' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from accessentry" -l kubernetes-groups -d 'Kubernetes groups of the principal (`g1,g2`)' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from accessentry" -l kubernetes-username -d 'The principal\'s Kubernetes user name' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from accessentry" -s r -l region -d 'AWS region (default: the config file, then AWS_REGION and the AWS profile)' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from accessentry" -s p -l profile -d 'AWS profile from the shared config files' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from accessentry" -l color -d 'When to use colours (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from accessentry" -l dry-run -d 'Print the plan and change nothing'
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from accessentry" -s v -l verbose -d 'Say more (repeatable)'
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from accessentry" -s q -l quiet -d 'Say only errors'
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from accessentry" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from capability" -s f -l config-file -d 'Cluster config file (`-` for standard input)' -r -F
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from capability" -l include -d 'Only the file\'s entries matching these names or globs (`namespace/name` for service accounts and pod identity associations, principal ARNs for access entries)' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from capability" -l exclude -d 'Skip the file\'s entries matching these names or globs' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from capability" -s o -l output -r -f -a "table\t'The plan as a tree (people)'
json\t'The plan as JSON; with a real run, one event per line'
yaml\t'The defaulted config (eksctl\'s format)'
mermaid\t'The plan as a Mermaid flowchart (`--dry-run`)'
dot\t'The plan as a Graphviz graph for `dot -Tsvg` (`--dry-run`)'"
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from capability" -l timeout -d 'Give up after this long (e.g. `40m`, `1h`)' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from capability" -s c -l cluster -d 'The existing cluster' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from capability" -l name -d 'The capability\'s name, unique in the cluster' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from capability" -l type -d '`ACK` or `KRO` (`ARGOCD` needs a config file)' -r -f -a "ACK\t''
KRO\t''
ARGOCD\t''"
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from capability" -l role-arn -d 'A role of yours trusted by `capabilities.eks.amazonaws.com`, instead of one eksup makes' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from capability" -l delete-propagation-policy -d 'What happens to the resources it manages when it is deleted (`RETAIN`, the default)' -r -f -a "RETAIN\t''"
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from capability" -l tags -d 'Tags of the capability and of the role eksup makes (`k1=v1,k2=v2`)' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from capability" -l attach-policy-arns -d 'Managed policies of the role eksup makes (`arn1,arn2`)' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from capability" -l attach-policy -d 'An inline policy document (JSON) of the role eksup makes' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from capability" -s r -l region -d 'AWS region (default: the config file, then AWS_REGION and the AWS profile)' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from capability" -s p -l profile -d 'AWS profile from the shared config files' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from capability" -l color -d 'When to use colours (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from capability" -l dry-run -d 'Print the plan and change nothing'
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from capability" -s v -l verbose -d 'Say more (repeatable)'
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from capability" -s q -l quiet -d 'Say only errors'
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from capability" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from iamidentitymapping" -s f -l config-file -d 'Cluster config file (`-` for standard input)' -r -F
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from iamidentitymapping" -l include -d 'Only the file\'s entries matching these names or globs (`namespace/name` for service accounts and pod identity associations, principal ARNs for access entries)' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from iamidentitymapping" -l exclude -d 'Skip the file\'s entries matching these names or globs' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from iamidentitymapping" -s o -l output -r -f -a "table\t'The plan as a tree (people)'
json\t'The plan as JSON; with a real run, one event per line'
yaml\t'The defaulted config (eksctl\'s format)'
mermaid\t'The plan as a Mermaid flowchart (`--dry-run`)'
dot\t'The plan as a Graphviz graph for `dot -Tsvg` (`--dry-run`)'"
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from iamidentitymapping" -l timeout -d 'Give up after this long (e.g. `40m`, `1h`)' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from iamidentitymapping" -s c -l cluster -d 'The existing cluster' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from iamidentitymapping" -l arn -d 'The IAM role or user to map' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from iamidentitymapping" -l username -d 'Its Kubernetes user name' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from iamidentitymapping" -l group -d 'Its Kubernetes groups (repeatable; `system:masters` is the cluster admin access policy)' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from iamidentitymapping" -l account -d 'A whole account to map in aws-auth\'s `mapAccounts` (12 digits)' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from iamidentitymapping" -l service-name -d 'A service to give access to a namespace: `emr-containers`' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from iamidentitymapping" -l namespace -d 'The namespace of `--service-name`' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from iamidentitymapping" -s r -l region -d 'AWS region (default: the config file, then AWS_REGION and the AWS profile)' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from iamidentitymapping" -s p -l profile -d 'AWS profile from the shared config files' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from iamidentitymapping" -l color -d 'When to use colours (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from iamidentitymapping" -l dry-run -d 'Print the plan and change nothing'
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from iamidentitymapping" -s v -l verbose -d 'Say more (repeatable)'
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from iamidentitymapping" -s q -l quiet -d 'Say only errors'
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from iamidentitymapping" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from repository" -l image-tag-mutability -d 'MUTABLE or IMMUTABLE' -r -f -a "MUTABLE\t''
IMMUTABLE\t''"
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from repository" -l scan-on-push -d 'Scan images on push' -r -f -a "true\t''
false\t''"
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from repository" -l encryption -d 'Encryption: AES256 or KMS' -r -f -a "AES256\t''
KMS\t''"
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from repository" -l kms-key -d 'KMS key for `--encryption KMS`' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from repository" -l keep-last-images -d 'Keep only the newest N images' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from repository" -l expire-untagged-after-days -d 'Expire untagged images after N days' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from repository" -l pull-accounts -d 'Account ids allowed to pull' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from repository" -l tags -d 'Tags (`k1=v1,k2=v2`)' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from repository" -s o -l output -r -f -a "table\t''
json\t''
yaml\t''"
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from repository" -s r -l region -d 'AWS region (default: the config file, then AWS_REGION and the AWS profile)' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from repository" -s p -l profile -d 'AWS profile from the shared config files' -r
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from repository" -l color -d 'When to use colours (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from repository" -s v -l verbose -d 'Say more (repeatable)'
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from repository" -s q -l quiet -d 'Say only errors'
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from repository" -s h -l help -d 'Print help'
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from help" -f -a "cluster" -d 'Create a cluster from a config file or from flags'
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from help" -f -a "nodegroup" -d 'Create node groups of an existing cluster from a config file'
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from help" -f -a "iamserviceaccount" -d 'Create service accounts and their IAM roles on an existing cluster, from flags or a config file'
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from help" -f -a "podidentityassociation" -d 'Create EKS Pod Identity associations and their IAM roles on an existing cluster, from flags or a config file'
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from help" -f -a "addon" -d 'Create add-ons on an existing cluster, from flags or a config file'
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from help" -f -a "fargateprofile" -d 'Create Fargate profiles on an existing cluster, from flags or a config file'
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from help" -f -a "accessentry" -d 'Create access entries on an existing cluster, from flags or a config file'
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from help" -f -a "capability" -d 'Create the config file\'s EKS capabilities (ACK, kro, Argo CD) on its existing cluster'
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from help" -f -a "iamidentitymapping" -d 'Create IAM identity mappings on an existing cluster, from flags or a config file'
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from help" -f -a "repository" -d 'Create an ECR repository'
complete -c eksup -n "__fish_eksup_using_subcommand create; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c eksup -n "__fish_eksup_using_subcommand get; and not __fish_seen_subcommand_from cluster nodegroup iamserviceaccount labels podidentityassociation identityprovider addon fargateprofile accessentry iamidentitymapping capability repository orphans help" -s r -l region -d 'AWS region (default: the config file, then AWS_REGION and the AWS profile)' -r
complete -c eksup -n "__fish_eksup_using_subcommand get; and not __fish_seen_subcommand_from cluster nodegroup iamserviceaccount labels podidentityassociation identityprovider addon fargateprofile accessentry iamidentitymapping capability repository orphans help" -s p -l profile -d 'AWS profile from the shared config files' -r
complete -c eksup -n "__fish_eksup_using_subcommand get; and not __fish_seen_subcommand_from cluster nodegroup iamserviceaccount labels podidentityassociation identityprovider addon fargateprofile accessentry iamidentitymapping capability repository orphans help" -l color -d 'When to use colours (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eksup -n "__fish_eksup_using_subcommand get; and not __fish_seen_subcommand_from cluster nodegroup iamserviceaccount labels podidentityassociation identityprovider addon fargateprofile accessentry iamidentitymapping capability repository orphans help" -s v -l verbose -d 'Say more (repeatable)'
complete -c eksup -n "__fish_eksup_using_subcommand get; and not __fish_seen_subcommand_from cluster nodegroup iamserviceaccount labels podidentityassociation identityprovider addon fargateprofile accessentry iamidentitymapping capability repository orphans help" -s q -l quiet -d 'Say only errors'
complete -c eksup -n "__fish_eksup_using_subcommand get; and not __fish_seen_subcommand_from cluster nodegroup iamserviceaccount labels podidentityassociation identityprovider addon fargateprofile accessentry iamidentitymapping capability repository orphans help" -s h -l help -d 'Print help'
complete -c eksup -n "__fish_eksup_using_subcommand get; and not __fish_seen_subcommand_from cluster nodegroup iamserviceaccount labels podidentityassociation identityprovider addon fargateprofile accessentry iamidentitymapping capability repository orphans help" -f -a "cluster" -d 'Show clusters in a region, or one cluster'
complete -c eksup -n "__fish_eksup_using_subcommand get; and not __fish_seen_subcommand_from cluster nodegroup iamserviceaccount labels podidentityassociation identityprovider addon fargateprofile accessentry iamidentitymapping capability repository orphans help" -f -a "nodegroup" -d 'Show the node groups of a cluster'
complete -c eksup -n "__fish_eksup_using_subcommand get; and not __fish_seen_subcommand_from cluster nodegroup iamserviceaccount labels podidentityassociation identityprovider addon fargateprofile accessentry iamidentitymapping capability repository orphans help" -f -a "iamserviceaccount" -d 'Show the service accounts of a cluster that take an IAM role (IRSA)'
complete -c eksup -n "__fish_eksup_using_subcommand get; and not __fish_seen_subcommand_from cluster nodegroup iamserviceaccount labels podidentityassociation identityprovider addon fargateprofile accessentry iamidentitymapping capability repository orphans help" -f -a "labels" -d 'Show the labels of a managed node group\'s nodes'
complete -c eksup -n "__fish_eksup_using_subcommand get; and not __fish_seen_subcommand_from cluster nodegroup iamserviceaccount labels podidentityassociation identityprovider addon fargateprofile accessentry iamidentitymapping capability repository orphans help" -f -a "podidentityassociation" -d 'Show the pod identity associations of a cluster (EKS Pod Identity)'
complete -c eksup -n "__fish_eksup_using_subcommand get; and not __fish_seen_subcommand_from cluster nodegroup iamserviceaccount labels podidentityassociation identityprovider addon fargateprofile accessentry iamidentitymapping capability repository orphans help" -f -a "identityprovider" -d 'Show the OIDC identity providers associated with a cluster'
complete -c eksup -n "__fish_eksup_using_subcommand get; and not __fish_seen_subcommand_from cluster nodegroup iamserviceaccount labels podidentityassociation identityprovider addon fargateprofile accessentry iamidentitymapping capability repository orphans help" -f -a "addon" -d 'Show a cluster\'s add-ons, whoever installed them'
complete -c eksup -n "__fish_eksup_using_subcommand get; and not __fish_seen_subcommand_from cluster nodegroup iamserviceaccount labels podidentityassociation identityprovider addon fargateprofile accessentry iamidentitymapping capability repository orphans help" -f -a "fargateprofile" -d 'Show a cluster\'s Fargate profiles'
complete -c eksup -n "__fish_eksup_using_subcommand get; and not __fish_seen_subcommand_from cluster nodegroup iamserviceaccount labels podidentityassociation identityprovider addon fargateprofile accessentry iamidentitymapping capability repository orphans help" -f -a "accessentry" -d 'Show a cluster\'s access entries and their access policies'
complete -c eksup -n "__fish_eksup_using_subcommand get; and not __fish_seen_subcommand_from cluster nodegroup iamserviceaccount labels podidentityassociation identityprovider addon fargateprofile accessentry iamidentitymapping capability repository orphans help" -f -a "iamidentitymapping" -d 'Show a cluster\'s identity mappings: its access entries and the aws-auth ConfigMap\'s entries (roles, users, accounts)'
complete -c eksup -n "__fish_eksup_using_subcommand get; and not __fish_seen_subcommand_from cluster nodegroup iamserviceaccount labels podidentityassociation identityprovider addon fargateprofile accessentry iamidentitymapping capability repository orphans help" -f -a "capability" -d 'Show a cluster\'s EKS capabilities, whoever made them'
complete -c eksup -n "__fish_eksup_using_subcommand get; and not __fish_seen_subcommand_from cluster nodegroup iamserviceaccount labels podidentityassociation identityprovider addon fargateprofile accessentry iamidentitymapping capability repository orphans help" -f -a "repository" -d 'Show ECR repositories'
complete -c eksup -n "__fish_eksup_using_subcommand get; and not __fish_seen_subcommand_from cluster nodegroup iamserviceaccount labels podidentityassociation identityprovider addon fargateprofile accessentry iamidentitymapping capability repository orphans help" -f -a "orphans" -d 'Show what eksup left behind: resources tagged for clusters that no longer exist'
complete -c eksup -n "__fish_eksup_using_subcommand get; and not __fish_seen_subcommand_from cluster nodegroup iamserviceaccount labels podidentityassociation identityprovider addon fargateprofile accessentry iamidentitymapping capability repository orphans help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from cluster" -s n -l name -d 'The cluster (default: all in the region)' -r
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from cluster" -s o -l output -r -f -a "table\t''
json\t''
yaml\t''"
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from cluster" -s r -l region -d 'AWS region (default: the config file, then AWS_REGION and the AWS profile)' -r
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from cluster" -s p -l profile -d 'AWS profile from the shared config files' -r
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from cluster" -l color -d 'When to use colours (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from cluster" -s v -l verbose -d 'Say more (repeatable)'
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from cluster" -s q -l quiet -d 'Say only errors'
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from cluster" -s h -l help -d 'Print help'
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from nodegroup" -s c -l cluster -d 'The cluster' -r
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from nodegroup" -s f -l config-file -d 'The cluster config file naming the cluster and its region (`-` for standard input)' -r -F
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from nodegroup" -s n -l name -d 'One node group (default: all)' -r
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from nodegroup" -s o -l output -r -f -a "table\t''
json\t''
yaml\t''"
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from nodegroup" -s r -l region -d 'AWS region (default: the config file, then AWS_REGION and the AWS profile)' -r
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from nodegroup" -s p -l profile -d 'AWS profile from the shared config files' -r
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from nodegroup" -l color -d 'When to use colours (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from nodegroup" -s v -l verbose -d 'Say more (repeatable)'
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from nodegroup" -s q -l quiet -d 'Say only errors'
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from nodegroup" -s h -l help -d 'Print help'
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from iamserviceaccount" -s c -l cluster -d 'The cluster' -r
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from iamserviceaccount" -s f -l config-file -d 'The cluster config file naming the cluster and its region (`-` for standard input)' -r -F
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from iamserviceaccount" -l namespace -d 'Only this namespace\'s (with `--name`: default `default`)' -r
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from iamserviceaccount" -l name -d 'One service account' -r
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from iamserviceaccount" -s o -l output -r -f -a "table\t''
json\t''
yaml\t''"
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from iamserviceaccount" -s r -l region -d 'AWS region (default: the config file, then AWS_REGION and the AWS profile)' -r
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from iamserviceaccount" -s p -l profile -d 'AWS profile from the shared config files' -r
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from iamserviceaccount" -l color -d 'When to use colours (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from iamserviceaccount" -s v -l verbose -d 'Say more (repeatable)'
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from iamserviceaccount" -s q -l quiet -d 'Say only errors'
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from iamserviceaccount" -s h -l help -d 'Print help'
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from labels" -s c -l cluster -d 'The cluster' -r
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from labels" -s f -l config-file -d 'The cluster config file naming the cluster and its region (`-` for standard input)' -r -F
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from labels" -s n -l nodegroup -d 'The managed node group' -r
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from labels" -s o -l output -r -f -a "table\t''
json\t''
yaml\t''"
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from labels" -s r -l region -d 'AWS region (default: the config file, then AWS_REGION and the AWS profile)' -r
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from labels" -s p -l profile -d 'AWS profile from the shared config files' -r
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from labels" -l color -d 'When to use colours (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from labels" -s v -l verbose -d 'Say more (repeatable)'
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from labels" -s q -l quiet -d 'Say only errors'
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from labels" -s h -l help -d 'Print help'
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from podidentityassociation" -s c -l cluster -d 'The cluster' -r
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from podidentityassociation" -s f -l config-file -d 'The cluster config file naming the cluster and its region (`-` for standard input)' -r -F
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from podidentityassociation" -l namespace -d 'Only this namespace\'s' -r
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from podidentityassociation" -l service-account-name -d 'One service account (with `--namespace`)' -r
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from podidentityassociation" -s o -l output -r -f -a "table\t''
json\t''
yaml\t''"
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from podidentityassociation" -s r -l region -d 'AWS region (default: the config file, then AWS_REGION and the AWS profile)' -r
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from podidentityassociation" -s p -l profile -d 'AWS profile from the shared config files' -r
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from podidentityassociation" -l color -d 'When to use colours (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from podidentityassociation" -s v -l verbose -d 'Say more (repeatable)'
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from podidentityassociation" -s q -l quiet -d 'Say only errors'
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from podidentityassociation" -s h -l help -d 'Print help'
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from identityprovider" -s c -l cluster -d 'The cluster' -r
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from identityprovider" -s f -l config-file -d 'The cluster config file naming the cluster and its region (`-` for standard input)' -r -F
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from identityprovider" -s n -l name -d 'Only the one of this name' -r
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from identityprovider" -s o -l output -r -f -a "table\t''
json\t''
yaml\t''"
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from identityprovider" -s r -l region -d 'AWS region (default: the config file, then AWS_REGION and the AWS profile)' -r
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from identityprovider" -s p -l profile -d 'AWS profile from the shared config files' -r
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from identityprovider" -l color -d 'When to use colours (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from identityprovider" -s v -l verbose -d 'Say more (repeatable)'
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from identityprovider" -s q -l quiet -d 'Say only errors'
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from identityprovider" -s h -l help -d 'Print help'
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from addon" -s c -l cluster -d 'The cluster' -r
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from addon" -s f -l config-file -d 'The cluster config file naming the cluster and its region (`-` for standard input)' -r -F
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from addon" -s n -l name -d 'Only the one of this name' -r
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from addon" -s o -l output -r -f -a "table\t''
json\t''
yaml\t''"
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from addon" -s r -l region -d 'AWS region (default: the config file, then AWS_REGION and the AWS profile)' -r
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from addon" -s p -l profile -d 'AWS profile from the shared config files' -r
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from addon" -l color -d 'When to use colours (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from addon" -s v -l verbose -d 'Say more (repeatable)'
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from addon" -s q -l quiet -d 'Say only errors'
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from addon" -s h -l help -d 'Print help'
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from fargateprofile" -s c -l cluster -d 'The cluster' -r
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from fargateprofile" -s f -l config-file -d 'The cluster config file naming the cluster and its region (`-` for standard input)' -r -F
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from fargateprofile" -s n -l name -d 'Only the one of this name' -r
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from fargateprofile" -s o -l output -r -f -a "table\t''
json\t''
yaml\t''"
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from fargateprofile" -s r -l region -d 'AWS region (default: the config file, then AWS_REGION and the AWS profile)' -r
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from fargateprofile" -s p -l profile -d 'AWS profile from the shared config files' -r
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from fargateprofile" -l color -d 'When to use colours (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from fargateprofile" -s v -l verbose -d 'Say more (repeatable)'
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from fargateprofile" -s q -l quiet -d 'Say only errors'
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from fargateprofile" -s h -l help -d 'Print help'
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from accessentry" -s c -l cluster -d 'The cluster' -r
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from accessentry" -s f -l config-file -d 'The cluster config file naming the cluster and its region (`-` for standard input)' -r -F
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from accessentry" -l principal-arn -d 'Only the entry of this IAM principal' -r
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from accessentry" -s o -l output -r -f -a "table\t''
json\t''
yaml\t''"
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from accessentry" -s r -l region -d 'AWS region (default: the config file, then AWS_REGION and the AWS profile)' -r
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from accessentry" -s p -l profile -d 'AWS profile from the shared config files' -r
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from accessentry" -l color -d 'When to use colours (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from accessentry" -s v -l verbose -d 'Say more (repeatable)'
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from accessentry" -s q -l quiet -d 'Say only errors'
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from accessentry" -s h -l help -d 'Print help'
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from iamidentitymapping" -s c -l cluster -d 'The cluster' -r
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from iamidentitymapping" -s f -l config-file -d 'The cluster config file naming the cluster and its region (`-` for standard input)' -r -F
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from iamidentitymapping" -l arn -d 'Only the mappings of this IAM role or user ARN, or of this account id' -r
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from iamidentitymapping" -s o -l output -r -f -a "table\t''
json\t''
yaml\t''"
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from iamidentitymapping" -s r -l region -d 'AWS region (default: the config file, then AWS_REGION and the AWS profile)' -r
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from iamidentitymapping" -s p -l profile -d 'AWS profile from the shared config files' -r
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from iamidentitymapping" -l color -d 'When to use colours (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from iamidentitymapping" -s v -l verbose -d 'Say more (repeatable)'
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from iamidentitymapping" -s q -l quiet -d 'Say only errors'
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from iamidentitymapping" -s h -l help -d 'Print help'
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from capability" -s c -l cluster -d 'The cluster' -r
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from capability" -s f -l config-file -d 'The cluster config file naming the cluster and its region (`-` for standard input)' -r -F
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from capability" -s n -l name -d 'Only the one of this name' -r
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from capability" -s o -l output -r -f -a "table\t''
json\t''
yaml\t''"
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from capability" -s r -l region -d 'AWS region (default: the config file, then AWS_REGION and the AWS profile)' -r
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from capability" -s p -l profile -d 'AWS profile from the shared config files' -r
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from capability" -l color -d 'When to use colours (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from capability" -s v -l verbose -d 'Say more (repeatable)'
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from capability" -s q -l quiet -d 'Say only errors'
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from capability" -s h -l help -d 'Print help'
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from repository" -s o -l output -r -f -a "table\t''
json\t''
yaml\t''"
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from repository" -s r -l region -d 'AWS region (default: the config file, then AWS_REGION and the AWS profile)' -r
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from repository" -s p -l profile -d 'AWS profile from the shared config files' -r
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from repository" -l color -d 'When to use colours (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from repository" -s v -l verbose -d 'Say more (repeatable)'
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from repository" -s q -l quiet -d 'Say only errors'
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from repository" -s h -l help -d 'Print help'
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from orphans" -s o -l output -r -f -a "table\t''
json\t''
yaml\t''"
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from orphans" -s r -l region -d 'AWS region (default: the config file, then AWS_REGION and the AWS profile)' -r
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from orphans" -s p -l profile -d 'AWS profile from the shared config files' -r
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from orphans" -l color -d 'When to use colours (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from orphans" -s v -l verbose -d 'Say more (repeatable)'
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from orphans" -s q -l quiet -d 'Say only errors'
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from orphans" -s h -l help -d 'Print help'
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from help" -f -a "cluster" -d 'Show clusters in a region, or one cluster'
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from help" -f -a "nodegroup" -d 'Show the node groups of a cluster'
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from help" -f -a "iamserviceaccount" -d 'Show the service accounts of a cluster that take an IAM role (IRSA)'
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from help" -f -a "labels" -d 'Show the labels of a managed node group\'s nodes'
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from help" -f -a "podidentityassociation" -d 'Show the pod identity associations of a cluster (EKS Pod Identity)'
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from help" -f -a "identityprovider" -d 'Show the OIDC identity providers associated with a cluster'
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from help" -f -a "addon" -d 'Show a cluster\'s add-ons, whoever installed them'
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from help" -f -a "fargateprofile" -d 'Show a cluster\'s Fargate profiles'
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from help" -f -a "accessentry" -d 'Show a cluster\'s access entries and their access policies'
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from help" -f -a "iamidentitymapping" -d 'Show a cluster\'s identity mappings: its access entries and the aws-auth ConfigMap\'s entries (roles, users, accounts)'
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from help" -f -a "capability" -d 'Show a cluster\'s EKS capabilities, whoever made them'
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from help" -f -a "repository" -d 'Show ECR repositories'
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from help" -f -a "orphans" -d 'Show what eksup left behind: resources tagged for clusters that no longer exist'
complete -c eksup -n "__fish_eksup_using_subcommand get; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c eksup -n "__fish_eksup_using_subcommand delete; and not __fish_seen_subcommand_from cluster nodegroup podidentityassociation addon fargateprofile accessentry iamidentitymapping capability iamserviceaccount repository orphans help" -s r -l region -d 'AWS region (default: the config file, then AWS_REGION and the AWS profile)' -r
complete -c eksup -n "__fish_eksup_using_subcommand delete; and not __fish_seen_subcommand_from cluster nodegroup podidentityassociation addon fargateprofile accessentry iamidentitymapping capability iamserviceaccount repository orphans help" -s p -l profile -d 'AWS profile from the shared config files' -r
complete -c eksup -n "__fish_eksup_using_subcommand delete; and not __fish_seen_subcommand_from cluster nodegroup podidentityassociation addon fargateprofile accessentry iamidentitymapping capability iamserviceaccount repository orphans help" -l color -d 'When to use colours (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eksup -n "__fish_eksup_using_subcommand delete; and not __fish_seen_subcommand_from cluster nodegroup podidentityassociation addon fargateprofile accessentry iamidentitymapping capability iamserviceaccount repository orphans help" -s v -l verbose -d 'Say more (repeatable)'
complete -c eksup -n "__fish_eksup_using_subcommand delete; and not __fish_seen_subcommand_from cluster nodegroup podidentityassociation addon fargateprofile accessentry iamidentitymapping capability iamserviceaccount repository orphans help" -s q -l quiet -d 'Say only errors'
complete -c eksup -n "__fish_eksup_using_subcommand delete; and not __fish_seen_subcommand_from cluster nodegroup podidentityassociation addon fargateprofile accessentry iamidentitymapping capability iamserviceaccount repository orphans help" -s h -l help -d 'Print help'
complete -c eksup -n "__fish_eksup_using_subcommand delete; and not __fish_seen_subcommand_from cluster nodegroup podidentityassociation addon fargateprofile accessentry iamidentitymapping capability iamserviceaccount repository orphans help" -f -a "cluster" -d 'Delete a cluster and everything eksup created for it'
complete -c eksup -n "__fish_eksup_using_subcommand delete; and not __fish_seen_subcommand_from cluster nodegroup podidentityassociation addon fargateprofile accessentry iamidentitymapping capability iamserviceaccount repository orphans help" -f -a "nodegroup" -d 'Delete a node group'
complete -c eksup -n "__fish_eksup_using_subcommand delete; and not __fish_seen_subcommand_from cluster nodegroup podidentityassociation addon fargateprofile accessentry iamidentitymapping capability iamserviceaccount repository orphans help" -f -a "podidentityassociation" -d 'Delete a pod identity association, and its IAM role when eksup made it'
complete -c eksup -n "__fish_eksup_using_subcommand delete; and not __fish_seen_subcommand_from cluster nodegroup podidentityassociation addon fargateprofile accessentry iamidentitymapping capability iamserviceaccount repository orphans help" -f -a "addon" -d 'Delete an add-on of a cluster, whoever installed it, and wait until it is gone'
complete -c eksup -n "__fish_eksup_using_subcommand delete; and not __fish_seen_subcommand_from cluster nodegroup podidentityassociation addon fargateprofile accessentry iamidentitymapping capability iamserviceaccount repository orphans help" -f -a "fargateprofile" -d 'Delete a Fargate profile of a cluster and wait until it is gone (its pods are stopped)'
complete -c eksup -n "__fish_eksup_using_subcommand delete; and not __fish_seen_subcommand_from cluster nodegroup podidentityassociation addon fargateprofile accessentry iamidentitymapping capability iamserviceaccount repository orphans help" -f -a "accessentry" -d 'Delete a cluster\'s access entry for an IAM principal (and its access policies)'
complete -c eksup -n "__fish_eksup_using_subcommand delete; and not __fish_seen_subcommand_from cluster nodegroup podidentityassociation addon fargateprofile accessentry iamidentitymapping capability iamserviceaccount repository orphans help" -f -a "iamidentitymapping" -d 'Delete a cluster\'s identity mapping: the access entry of an IAM role or user and its entries in the aws-auth ConfigMap, or an account\'s `mapAccounts` entry'
complete -c eksup -n "__fish_eksup_using_subcommand delete; and not __fish_seen_subcommand_from cluster nodegroup podidentityassociation addon fargateprofile accessentry iamidentitymapping capability iamserviceaccount repository orphans help" -f -a "capability" -d 'Delete an EKS capability, whoever made it, and wait until it is gone; its IAM role too when eksup made it'
complete -c eksup -n "__fish_eksup_using_subcommand delete; and not __fish_seen_subcommand_from cluster nodegroup podidentityassociation addon fargateprofile accessentry iamidentitymapping capability iamserviceaccount repository orphans help" -f -a "iamserviceaccount" -d 'Delete a service account\'s IAM role and the Kubernetes ServiceAccount, each when eksup made it'
complete -c eksup -n "__fish_eksup_using_subcommand delete; and not __fish_seen_subcommand_from cluster nodegroup podidentityassociation addon fargateprofile accessentry iamidentitymapping capability iamserviceaccount repository orphans help" -f -a "repository" -d 'Delete an ECR repository'
complete -c eksup -n "__fish_eksup_using_subcommand delete; and not __fish_seen_subcommand_from cluster nodegroup podidentityassociation addon fargateprofile accessentry iamidentitymapping capability iamserviceaccount repository orphans help" -f -a "orphans" -d 'Delete what eksup left behind for a cluster that no longer exists'
complete -c eksup -n "__fish_eksup_using_subcommand delete; and not __fish_seen_subcommand_from cluster nodegroup podidentityassociation addon fargateprofile accessentry iamidentitymapping capability iamserviceaccount repository orphans help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from cluster" -s f -l config-file -d 'Cluster config file (`-` for standard input)' -r -F
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from cluster" -s n -l name -d 'The cluster (when no config file is given)' -r
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from cluster" -l kubeconfig -d 'Kubeconfig file to clean (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from cluster" -s o -l output -d '`json` writes one event per line on stdout' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from cluster" -l timeout -d 'Give up after this long (e.g. `40m`, `1h`)' -r
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from cluster" -l timeline -d 'Write an SVG timeline of the deletion to this file: every step from start to end and its waiting time' -r -F
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from cluster" -s r -l region -d 'AWS region (default: the config file, then AWS_REGION and the AWS profile)' -r
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from cluster" -s p -l profile -d 'AWS profile from the shared config files' -r
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from cluster" -l color -d 'When to use colours (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from cluster" -s y -l yes -d 'Do not ask for confirmation'
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from cluster" -l no-wait -d 'Return once the deletions have started'
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from cluster" -l delete-repositories -d 'Also delete the cluster\'s ECR repositories and their images'
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from cluster" -l dry-run -d 'Show what would be deleted, in order, and delete nothing (`-o json` for scripts)'
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from cluster" -s v -l verbose -d 'Say more (repeatable)'
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from cluster" -s q -l quiet -d 'Say only errors'
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from cluster" -s h -l help -d 'Print help'
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from nodegroup" -s c -l cluster -r
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from nodegroup" -s n -l name -r
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from nodegroup" -l timeout -d 'Give up after this long (e.g. `40m`, `1h`)' -r
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from nodegroup" -s r -l region -d 'AWS region (default: the config file, then AWS_REGION and the AWS profile)' -r
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from nodegroup" -s p -l profile -d 'AWS profile from the shared config files' -r
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from nodegroup" -l color -d 'When to use colours (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from nodegroup" -s y -l yes
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from nodegroup" -l no-wait
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from nodegroup" -s v -l verbose -d 'Say more (repeatable)'
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from nodegroup" -s q -l quiet -d 'Say only errors'
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from nodegroup" -s h -l help -d 'Print help'
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from podidentityassociation" -s c -l cluster -d 'The cluster' -r
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from podidentityassociation" -s f -l config-file -d 'The cluster config file naming the cluster and its region (`-` for standard input)' -r -F
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from podidentityassociation" -l namespace -d 'The service account\'s namespace' -r
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from podidentityassociation" -l service-account-name -d 'The service account (with `-f` and without it: the file\'s `iam.podIdentityAssociations`)' -r
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from podidentityassociation" -l include -d 'Only the file\'s entries matching these names or globs (`namespace/name` for service accounts and pod identity associations, principal ARNs for access entries)' -r
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from podidentityassociation" -l exclude -d 'Skip the file\'s entries matching these names or globs' -r
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from podidentityassociation" -s r -l region -d 'AWS region (default: the config file, then AWS_REGION and the AWS profile)' -r
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from podidentityassociation" -s p -l profile -d 'AWS profile from the shared config files' -r
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from podidentityassociation" -l color -d 'When to use colours (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from podidentityassociation" -s y -l yes -d 'Do not ask for confirmation'
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from podidentityassociation" -s v -l verbose -d 'Say more (repeatable)'
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from podidentityassociation" -s q -l quiet -d 'Say only errors'
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from podidentityassociation" -s h -l help -d 'Print help'
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from addon" -s c -l cluster -d 'The cluster' -r
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from addon" -s f -l config-file -d 'The cluster config file naming the cluster and its region (`-` for standard input)' -r -F
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from addon" -s n -l name -d 'The add-on (`vpc-cni`, `aws-ebs-csi-driver`, ...; with `-f` and without it: the file\'s `addons`)' -r
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from addon" -l include -d 'Only the file\'s entries matching these names or globs (`namespace/name` for service accounts and pod identity associations, principal ARNs for access entries)' -r
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from addon" -l exclude -d 'Skip the file\'s entries matching these names or globs' -r
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from addon" -l timeout -d 'Give up after this long (e.g. `40m`, `1h`)' -r
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from addon" -s r -l region -d 'AWS region (default: the config file, then AWS_REGION and the AWS profile)' -r
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from addon" -s p -l profile -d 'AWS profile from the shared config files' -r
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from addon" -l color -d 'When to use colours (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from addon" -l preserve -d 'Leave the add-on\'s software running on the cluster: EKS only stops managing it'
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from addon" -s y -l yes -d 'Do not ask for confirmation'
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from addon" -s v -l verbose -d 'Say more (repeatable)'
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from addon" -s q -l quiet -d 'Say only errors'
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from addon" -s h -l help -d 'Print help'
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from fargateprofile" -s c -l cluster -d 'The cluster' -r
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from fargateprofile" -s f -l config-file -d 'The cluster config file naming the cluster and its region (`-` for standard input)' -r -F
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from fargateprofile" -s n -l name -d 'The name of the one to delete (with `-f` and without it: the file\'s)' -r
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from fargateprofile" -l include -d 'Only the file\'s entries matching these names or globs (`namespace/name` for service accounts and pod identity associations, principal ARNs for access entries)' -r
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from fargateprofile" -l exclude -d 'Skip the file\'s entries matching these names or globs' -r
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from fargateprofile" -l timeout -d 'Give up after this long (e.g. `40m`, `1h`)' -r
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from fargateprofile" -s r -l region -d 'AWS region (default: the config file, then AWS_REGION and the AWS profile)' -r
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from fargateprofile" -s p -l profile -d 'AWS profile from the shared config files' -r
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from fargateprofile" -l color -d 'When to use colours (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from fargateprofile" -s y -l yes -d 'Do not ask for confirmation'
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from fargateprofile" -s v -l verbose -d 'Say more (repeatable)'
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from fargateprofile" -s q -l quiet -d 'Say only errors'
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from fargateprofile" -s h -l help -d 'Print help'
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from accessentry" -s c -l cluster -d 'The cluster' -r
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from accessentry" -s f -l config-file -d 'The cluster config file naming the cluster and its region (`-` for standard input)' -r -F
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from accessentry" -l principal-arn -d 'The IAM principal of the entry (with `-f` and without it: the file\'s `accessConfig.accessEntries`)' -r
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from accessentry" -l include -d 'Only the file\'s entries matching these names or globs (`namespace/name` for service accounts and pod identity associations, principal ARNs for access entries)' -r
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from accessentry" -l exclude -d 'Skip the file\'s entries matching these names or globs' -r
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from accessentry" -l timeout -d 'Give up after this long (e.g. `40m`, `1h`)' -r
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from accessentry" -s r -l region -d 'AWS region (default: the config file, then AWS_REGION and the AWS profile)' -r
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from accessentry" -s p -l profile -d 'AWS profile from the shared config files' -r
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from accessentry" -l color -d 'When to use colours (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from accessentry" -s y -l yes -d 'Do not ask for confirmation'
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from accessentry" -s v -l verbose -d 'Say more (repeatable)'
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from accessentry" -s q -l quiet -d 'Say only errors'
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from accessentry" -s h -l help -d 'Print help'
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from iamidentitymapping" -s c -l cluster -d 'The cluster' -r
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from iamidentitymapping" -s f -l config-file -d 'The cluster config file naming the cluster and its region (`-` for standard input)' -r -F
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from iamidentitymapping" -l arn -d 'The IAM role or user of the mapping' -r
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from iamidentitymapping" -l account -d 'The account of a `mapAccounts` entry (with `-f` and neither: the file\'s `iamIdentityMappings`)' -r
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from iamidentitymapping" -l include -d 'Only the file\'s entries matching these names or globs (`namespace/name` for service accounts and pod identity associations, principal ARNs for access entries)' -r
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from iamidentitymapping" -l exclude -d 'Skip the file\'s entries matching these names or globs' -r
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from iamidentitymapping" -l timeout -d 'Give up after this long (e.g. `40m`, `1h`)' -r
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from iamidentitymapping" -s r -l region -d 'AWS region (default: the config file, then AWS_REGION and the AWS profile)' -r
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from iamidentitymapping" -s p -l profile -d 'AWS profile from the shared config files' -r
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from iamidentitymapping" -l color -d 'When to use colours (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from iamidentitymapping" -s y -l yes -d 'Do not ask for confirmation'
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from iamidentitymapping" -s v -l verbose -d 'Say more (repeatable)'
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from iamidentitymapping" -s q -l quiet -d 'Say only errors'
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from iamidentitymapping" -s h -l help -d 'Print help'
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from capability" -s c -l cluster -d 'The cluster' -r
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from capability" -s f -l config-file -d 'The cluster config file naming the cluster and its region (`-` for standard input)' -r -F
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from capability" -s n -l name -d 'The name of the one to delete (with `-f` and without it: the file\'s)' -r
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from capability" -l include -d 'Only the file\'s entries matching these names or globs (`namespace/name` for service accounts and pod identity associations, principal ARNs for access entries)' -r
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from capability" -l exclude -d 'Skip the file\'s entries matching these names or globs' -r
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from capability" -l timeout -d 'Give up after this long (e.g. `40m`, `1h`)' -r
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from capability" -s r -l region -d 'AWS region (default: the config file, then AWS_REGION and the AWS profile)' -r
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from capability" -s p -l profile -d 'AWS profile from the shared config files' -r
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from capability" -l color -d 'When to use colours (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from capability" -s y -l yes -d 'Do not ask for confirmation'
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from capability" -s v -l verbose -d 'Say more (repeatable)'
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from capability" -s q -l quiet -d 'Say only errors'
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from capability" -s h -l help -d 'Print help'
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from iamserviceaccount" -s c -l cluster -d 'The cluster' -r
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from iamserviceaccount" -s f -l config-file -d 'The cluster config file naming the cluster and its region (`-` for standard input)' -r -F
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from iamserviceaccount" -l namespace -d 'The service account\'s namespace (with `--name`) [default: default]' -r
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from iamserviceaccount" -l name -d 'The service account (with `-f` and without it: the file\'s `iam.serviceAccounts`)' -r
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from iamserviceaccount" -l include -d 'Only the file\'s entries matching these names or globs (`namespace/name` for service accounts and pod identity associations, principal ARNs for access entries)' -r
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from iamserviceaccount" -l exclude -d 'Skip the file\'s entries matching these names or globs' -r
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from iamserviceaccount" -s r -l region -d 'AWS region (default: the config file, then AWS_REGION and the AWS profile)' -r
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from iamserviceaccount" -s p -l profile -d 'AWS profile from the shared config files' -r
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from iamserviceaccount" -l color -d 'When to use colours (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from iamserviceaccount" -s y -l yes -d 'Do not ask for confirmation'
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from iamserviceaccount" -s v -l verbose -d 'Say more (repeatable)'
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from iamserviceaccount" -s q -l quiet -d 'Say only errors'
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from iamserviceaccount" -s h -l help -d 'Print help'
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from repository" -s r -l region -d 'AWS region (default: the config file, then AWS_REGION and the AWS profile)' -r
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from repository" -s p -l profile -d 'AWS profile from the shared config files' -r
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from repository" -l color -d 'When to use colours (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from repository" -l force -d 'Delete the repository even if it holds images'
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from repository" -s y -l yes
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from repository" -s v -l verbose -d 'Say more (repeatable)'
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from repository" -s q -l quiet -d 'Say only errors'
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from repository" -s h -l help -d 'Print help'
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from orphans" -s c -l cluster -d 'The cluster whose resources were left behind (as `get orphans` lists it)' -r
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from orphans" -s o -l output -d '`json` writes one event per line on stdout' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from orphans" -l timeout -d 'Give up after this long (e.g. `40m`, `1h`)' -r
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from orphans" -s r -l region -d 'AWS region (default: the config file, then AWS_REGION and the AWS profile)' -r
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from orphans" -s p -l profile -d 'AWS profile from the shared config files' -r
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from orphans" -l color -d 'When to use colours (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from orphans" -s y -l yes -d 'Do not ask for confirmation'
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from orphans" -s v -l verbose -d 'Say more (repeatable)'
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from orphans" -s q -l quiet -d 'Say only errors'
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from orphans" -s h -l help -d 'Print help'
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from help" -f -a "cluster" -d 'Delete a cluster and everything eksup created for it'
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from help" -f -a "nodegroup" -d 'Delete a node group'
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from help" -f -a "podidentityassociation" -d 'Delete a pod identity association, and its IAM role when eksup made it'
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from help" -f -a "addon" -d 'Delete an add-on of a cluster, whoever installed it, and wait until it is gone'
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from help" -f -a "fargateprofile" -d 'Delete a Fargate profile of a cluster and wait until it is gone (its pods are stopped)'
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from help" -f -a "accessentry" -d 'Delete a cluster\'s access entry for an IAM principal (and its access policies)'
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from help" -f -a "iamidentitymapping" -d 'Delete a cluster\'s identity mapping: the access entry of an IAM role or user and its entries in the aws-auth ConfigMap, or an account\'s `mapAccounts` entry'
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from help" -f -a "capability" -d 'Delete an EKS capability, whoever made it, and wait until it is gone; its IAM role too when eksup made it'
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from help" -f -a "iamserviceaccount" -d 'Delete a service account\'s IAM role and the Kubernetes ServiceAccount, each when eksup made it'
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from help" -f -a "repository" -d 'Delete an ECR repository'
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from help" -f -a "orphans" -d 'Delete what eksup left behind for a cluster that no longer exists'
complete -c eksup -n "__fish_eksup_using_subcommand delete; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c eksup -n "__fish_eksup_using_subcommand scale; and not __fish_seen_subcommand_from nodegroup help" -s r -l region -d 'AWS region (default: the config file, then AWS_REGION and the AWS profile)' -r
complete -c eksup -n "__fish_eksup_using_subcommand scale; and not __fish_seen_subcommand_from nodegroup help" -s p -l profile -d 'AWS profile from the shared config files' -r
complete -c eksup -n "__fish_eksup_using_subcommand scale; and not __fish_seen_subcommand_from nodegroup help" -l color -d 'When to use colours (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eksup -n "__fish_eksup_using_subcommand scale; and not __fish_seen_subcommand_from nodegroup help" -s v -l verbose -d 'Say more (repeatable)'
complete -c eksup -n "__fish_eksup_using_subcommand scale; and not __fish_seen_subcommand_from nodegroup help" -s q -l quiet -d 'Say only errors'
complete -c eksup -n "__fish_eksup_using_subcommand scale; and not __fish_seen_subcommand_from nodegroup help" -s h -l help -d 'Print help'
complete -c eksup -n "__fish_eksup_using_subcommand scale; and not __fish_seen_subcommand_from nodegroup help" -f -a "nodegroup" -d 'Change desired, min and max of a node group'
complete -c eksup -n "__fish_eksup_using_subcommand scale; and not __fish_seen_subcommand_from nodegroup help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c eksup -n "__fish_eksup_using_subcommand scale; and __fish_seen_subcommand_from nodegroup" -s c -l cluster -r
complete -c eksup -n "__fish_eksup_using_subcommand scale; and __fish_seen_subcommand_from nodegroup" -s n -l name -r
complete -c eksup -n "__fish_eksup_using_subcommand scale; and __fish_seen_subcommand_from nodegroup" -s N -l nodes -r
complete -c eksup -n "__fish_eksup_using_subcommand scale; and __fish_seen_subcommand_from nodegroup" -s m -l nodes-min -r
complete -c eksup -n "__fish_eksup_using_subcommand scale; and __fish_seen_subcommand_from nodegroup" -s M -l nodes-max -r
complete -c eksup -n "__fish_eksup_using_subcommand scale; and __fish_seen_subcommand_from nodegroup" -s r -l region -d 'AWS region (default: the config file, then AWS_REGION and the AWS profile)' -r
complete -c eksup -n "__fish_eksup_using_subcommand scale; and __fish_seen_subcommand_from nodegroup" -s p -l profile -d 'AWS profile from the shared config files' -r
complete -c eksup -n "__fish_eksup_using_subcommand scale; and __fish_seen_subcommand_from nodegroup" -l color -d 'When to use colours (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eksup -n "__fish_eksup_using_subcommand scale; and __fish_seen_subcommand_from nodegroup" -s v -l verbose -d 'Say more (repeatable)'
complete -c eksup -n "__fish_eksup_using_subcommand scale; and __fish_seen_subcommand_from nodegroup" -s q -l quiet -d 'Say only errors'
complete -c eksup -n "__fish_eksup_using_subcommand scale; and __fish_seen_subcommand_from nodegroup" -s h -l help -d 'Print help'
complete -c eksup -n "__fish_eksup_using_subcommand scale; and __fish_seen_subcommand_from help" -f -a "nodegroup" -d 'Change desired, min and max of a node group'
complete -c eksup -n "__fish_eksup_using_subcommand scale; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c eksup -n "__fish_eksup_using_subcommand set; and not __fish_seen_subcommand_from labels help" -s r -l region -d 'AWS region (default: the config file, then AWS_REGION and the AWS profile)' -r
complete -c eksup -n "__fish_eksup_using_subcommand set; and not __fish_seen_subcommand_from labels help" -s p -l profile -d 'AWS profile from the shared config files' -r
complete -c eksup -n "__fish_eksup_using_subcommand set; and not __fish_seen_subcommand_from labels help" -l color -d 'When to use colours (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eksup -n "__fish_eksup_using_subcommand set; and not __fish_seen_subcommand_from labels help" -s v -l verbose -d 'Say more (repeatable)'
complete -c eksup -n "__fish_eksup_using_subcommand set; and not __fish_seen_subcommand_from labels help" -s q -l quiet -d 'Say only errors'
complete -c eksup -n "__fish_eksup_using_subcommand set; and not __fish_seen_subcommand_from labels help" -s h -l help -d 'Print help'
complete -c eksup -n "__fish_eksup_using_subcommand set; and not __fish_seen_subcommand_from labels help" -f -a "labels" -d 'Add or change labels of a managed node group\'s nodes (UpdateNodegroupConfig)'
complete -c eksup -n "__fish_eksup_using_subcommand set; and not __fish_seen_subcommand_from labels help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c eksup -n "__fish_eksup_using_subcommand set; and __fish_seen_subcommand_from labels" -s c -l cluster -d 'The cluster' -r
complete -c eksup -n "__fish_eksup_using_subcommand set; and __fish_seen_subcommand_from labels" -s f -l config-file -d 'The cluster config file naming the cluster and its region (`-` for standard input)' -r -F
complete -c eksup -n "__fish_eksup_using_subcommand set; and __fish_seen_subcommand_from labels" -s n -l nodegroup -d 'The managed node group' -r
complete -c eksup -n "__fish_eksup_using_subcommand set; and __fish_seen_subcommand_from labels" -s l -l labels -d 'Labels to add or change (`k1=v1,k2=v2`)' -r
complete -c eksup -n "__fish_eksup_using_subcommand set; and __fish_seen_subcommand_from labels" -s r -l region -d 'AWS region (default: the config file, then AWS_REGION and the AWS profile)' -r
complete -c eksup -n "__fish_eksup_using_subcommand set; and __fish_seen_subcommand_from labels" -s p -l profile -d 'AWS profile from the shared config files' -r
complete -c eksup -n "__fish_eksup_using_subcommand set; and __fish_seen_subcommand_from labels" -l color -d 'When to use colours (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eksup -n "__fish_eksup_using_subcommand set; and __fish_seen_subcommand_from labels" -s v -l verbose -d 'Say more (repeatable)'
complete -c eksup -n "__fish_eksup_using_subcommand set; and __fish_seen_subcommand_from labels" -s q -l quiet -d 'Say only errors'
complete -c eksup -n "__fish_eksup_using_subcommand set; and __fish_seen_subcommand_from labels" -s h -l help -d 'Print help'
complete -c eksup -n "__fish_eksup_using_subcommand set; and __fish_seen_subcommand_from help" -f -a "labels" -d 'Add or change labels of a managed node group\'s nodes (UpdateNodegroupConfig)'
complete -c eksup -n "__fish_eksup_using_subcommand set; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c eksup -n "__fish_eksup_using_subcommand unset; and not __fish_seen_subcommand_from labels help" -s r -l region -d 'AWS region (default: the config file, then AWS_REGION and the AWS profile)' -r
complete -c eksup -n "__fish_eksup_using_subcommand unset; and not __fish_seen_subcommand_from labels help" -s p -l profile -d 'AWS profile from the shared config files' -r
complete -c eksup -n "__fish_eksup_using_subcommand unset; and not __fish_seen_subcommand_from labels help" -l color -d 'When to use colours (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eksup -n "__fish_eksup_using_subcommand unset; and not __fish_seen_subcommand_from labels help" -s v -l verbose -d 'Say more (repeatable)'
complete -c eksup -n "__fish_eksup_using_subcommand unset; and not __fish_seen_subcommand_from labels help" -s q -l quiet -d 'Say only errors'
complete -c eksup -n "__fish_eksup_using_subcommand unset; and not __fish_seen_subcommand_from labels help" -s h -l help -d 'Print help'
complete -c eksup -n "__fish_eksup_using_subcommand unset; and not __fish_seen_subcommand_from labels help" -f -a "labels" -d 'Remove labels of a managed node group\'s nodes (UpdateNodegroupConfig)'
complete -c eksup -n "__fish_eksup_using_subcommand unset; and not __fish_seen_subcommand_from labels help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c eksup -n "__fish_eksup_using_subcommand unset; and __fish_seen_subcommand_from labels" -s c -l cluster -d 'The cluster' -r
complete -c eksup -n "__fish_eksup_using_subcommand unset; and __fish_seen_subcommand_from labels" -s f -l config-file -d 'The cluster config file naming the cluster and its region (`-` for standard input)' -r -F
complete -c eksup -n "__fish_eksup_using_subcommand unset; and __fish_seen_subcommand_from labels" -s n -l nodegroup -d 'The managed node group' -r
complete -c eksup -n "__fish_eksup_using_subcommand unset; and __fish_seen_subcommand_from labels" -s l -l labels -d 'Label keys to remove (`k1,k2`)' -r
complete -c eksup -n "__fish_eksup_using_subcommand unset; and __fish_seen_subcommand_from labels" -s r -l region -d 'AWS region (default: the config file, then AWS_REGION and the AWS profile)' -r
complete -c eksup -n "__fish_eksup_using_subcommand unset; and __fish_seen_subcommand_from labels" -s p -l profile -d 'AWS profile from the shared config files' -r
complete -c eksup -n "__fish_eksup_using_subcommand unset; and __fish_seen_subcommand_from labels" -l color -d 'When to use colours (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eksup -n "__fish_eksup_using_subcommand unset; and __fish_seen_subcommand_from labels" -s v -l verbose -d 'Say more (repeatable)'
complete -c eksup -n "__fish_eksup_using_subcommand unset; and __fish_seen_subcommand_from labels" -s q -l quiet -d 'Say only errors'
complete -c eksup -n "__fish_eksup_using_subcommand unset; and __fish_seen_subcommand_from labels" -s h -l help -d 'Print help'
complete -c eksup -n "__fish_eksup_using_subcommand unset; and __fish_seen_subcommand_from help" -f -a "labels" -d 'Remove labels of a managed node group\'s nodes (UpdateNodegroupConfig)'
complete -c eksup -n "__fish_eksup_using_subcommand unset; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c eksup -n "__fish_eksup_using_subcommand drain; and not __fish_seen_subcommand_from nodegroup help" -s r -l region -d 'AWS region (default: the config file, then AWS_REGION and the AWS profile)' -r
complete -c eksup -n "__fish_eksup_using_subcommand drain; and not __fish_seen_subcommand_from nodegroup help" -s p -l profile -d 'AWS profile from the shared config files' -r
complete -c eksup -n "__fish_eksup_using_subcommand drain; and not __fish_seen_subcommand_from nodegroup help" -l color -d 'When to use colours (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eksup -n "__fish_eksup_using_subcommand drain; and not __fish_seen_subcommand_from nodegroup help" -s v -l verbose -d 'Say more (repeatable)'
complete -c eksup -n "__fish_eksup_using_subcommand drain; and not __fish_seen_subcommand_from nodegroup help" -s q -l quiet -d 'Say only errors'
complete -c eksup -n "__fish_eksup_using_subcommand drain; and not __fish_seen_subcommand_from nodegroup help" -s h -l help -d 'Print help'
complete -c eksup -n "__fish_eksup_using_subcommand drain; and not __fish_seen_subcommand_from nodegroup help" -f -a "nodegroup" -d 'Cordon the nodes of a node group and evict their pods, respecting PodDisruptionBudgets'
complete -c eksup -n "__fish_eksup_using_subcommand drain; and not __fish_seen_subcommand_from nodegroup help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c eksup -n "__fish_eksup_using_subcommand drain; and __fish_seen_subcommand_from nodegroup" -s c -l cluster -r
complete -c eksup -n "__fish_eksup_using_subcommand drain; and __fish_seen_subcommand_from nodegroup" -s n -l name -d 'The node group to drain' -r
complete -c eksup -n "__fish_eksup_using_subcommand drain; and __fish_seen_subcommand_from nodegroup" -l max-grace-period -d 'The longest termination grace period given to a pod (its own, when shorter)' -r
complete -c eksup -n "__fish_eksup_using_subcommand drain; and __fish_seen_subcommand_from nodegroup" -l pod-eviction-wait-period -d 'How long to wait before asking again for an eviction a PodDisruptionBudget refused' -r
complete -c eksup -n "__fish_eksup_using_subcommand drain; and __fish_seen_subcommand_from nodegroup" -l parallel -d 'How many nodes to drain at once (1 to 25)' -r
complete -c eksup -n "__fish_eksup_using_subcommand drain; and __fish_seen_subcommand_from nodegroup" -l timeout -d 'Give up after this long (e.g. `40m`, `1h`)' -r
complete -c eksup -n "__fish_eksup_using_subcommand drain; and __fish_seen_subcommand_from nodegroup" -s o -l output -d '`json` writes what was done as one object on stdout' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c eksup -n "__fish_eksup_using_subcommand drain; and __fish_seen_subcommand_from nodegroup" -s r -l region -d 'AWS region (default: the config file, then AWS_REGION and the AWS profile)' -r
complete -c eksup -n "__fish_eksup_using_subcommand drain; and __fish_seen_subcommand_from nodegroup" -s p -l profile -d 'AWS profile from the shared config files' -r
complete -c eksup -n "__fish_eksup_using_subcommand drain; and __fish_seen_subcommand_from nodegroup" -l color -d 'When to use colours (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eksup -n "__fish_eksup_using_subcommand drain; and __fish_seen_subcommand_from nodegroup" -l approve -d 'Drain (or uncordon); without it only the plan is shown'
complete -c eksup -n "__fish_eksup_using_subcommand drain; and __fish_seen_subcommand_from nodegroup" -l undo -d 'Uncordon the node group: its nodes take pods again'
complete -c eksup -n "__fish_eksup_using_subcommand drain; and __fish_seen_subcommand_from nodegroup" -l disable-eviction -d 'Delete pods instead of evicting them: PodDisruptionBudgets are not asked (use with care)'
complete -c eksup -n "__fish_eksup_using_subcommand drain; and __fish_seen_subcommand_from nodegroup" -s v -l verbose -d 'Say more (repeatable)'
complete -c eksup -n "__fish_eksup_using_subcommand drain; and __fish_seen_subcommand_from nodegroup" -s q -l quiet -d 'Say only errors'
complete -c eksup -n "__fish_eksup_using_subcommand drain; and __fish_seen_subcommand_from nodegroup" -s h -l help -d 'Print help'
complete -c eksup -n "__fish_eksup_using_subcommand drain; and __fish_seen_subcommand_from help" -f -a "nodegroup" -d 'Cordon the nodes of a node group and evict their pods, respecting PodDisruptionBudgets'
complete -c eksup -n "__fish_eksup_using_subcommand drain; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c eksup -n "__fish_eksup_using_subcommand update; and not __fish_seen_subcommand_from addon help" -s r -l region -d 'AWS region (default: the config file, then AWS_REGION and the AWS profile)' -r
complete -c eksup -n "__fish_eksup_using_subcommand update; and not __fish_seen_subcommand_from addon help" -s p -l profile -d 'AWS profile from the shared config files' -r
complete -c eksup -n "__fish_eksup_using_subcommand update; and not __fish_seen_subcommand_from addon help" -l color -d 'When to use colours (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eksup -n "__fish_eksup_using_subcommand update; and not __fish_seen_subcommand_from addon help" -s v -l verbose -d 'Say more (repeatable)'
complete -c eksup -n "__fish_eksup_using_subcommand update; and not __fish_seen_subcommand_from addon help" -s q -l quiet -d 'Say only errors'
complete -c eksup -n "__fish_eksup_using_subcommand update; and not __fish_seen_subcommand_from addon help" -s h -l help -d 'Print help'
complete -c eksup -n "__fish_eksup_using_subcommand update; and not __fish_seen_subcommand_from addon help" -f -a "addon" -d 'Change an add-on\'s version, configuration values or service account role, and wait'
complete -c eksup -n "__fish_eksup_using_subcommand update; and not __fish_seen_subcommand_from addon help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c eksup -n "__fish_eksup_using_subcommand update; and __fish_seen_subcommand_from addon" -s c -l cluster -r
complete -c eksup -n "__fish_eksup_using_subcommand update; and __fish_seen_subcommand_from addon" -s n -l name -d 'The add-on (`vpc-cni`, `coredns`, ...)' -r
complete -c eksup -n "__fish_eksup_using_subcommand update; and __fish_seen_subcommand_from addon" -l version -d 'A version, `latest` or `default` (EKS\'s default for the cluster\'s Kubernetes version)' -r
complete -c eksup -n "__fish_eksup_using_subcommand update; and __fish_seen_subcommand_from addon" -l configuration-values -d 'The add-on\'s configuration values (JSON or YAML, as EKS takes them)' -r
complete -c eksup -n "__fish_eksup_using_subcommand update; and __fish_seen_subcommand_from addon" -l service-account-role-arn -d 'The IAM role of the add-on\'s service account' -r
complete -c eksup -n "__fish_eksup_using_subcommand update; and __fish_seen_subcommand_from addon" -l resolve-conflicts -d 'What EKS does with fields changed in the cluster: `overwrite`, `preserve` or `none`' -r -f -a "overwrite\t''
preserve\t''
none\t''"
complete -c eksup -n "__fish_eksup_using_subcommand update; and __fish_seen_subcommand_from addon" -l timeout -d 'Give up after this long (e.g. `40m`, `1h`)' -r
complete -c eksup -n "__fish_eksup_using_subcommand update; and __fish_seen_subcommand_from addon" -s o -l output -d '`json` writes what was changed as one object on stdout' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c eksup -n "__fish_eksup_using_subcommand update; and __fish_seen_subcommand_from addon" -s r -l region -d 'AWS region (default: the config file, then AWS_REGION and the AWS profile)' -r
complete -c eksup -n "__fish_eksup_using_subcommand update; and __fish_seen_subcommand_from addon" -s p -l profile -d 'AWS profile from the shared config files' -r
complete -c eksup -n "__fish_eksup_using_subcommand update; and __fish_seen_subcommand_from addon" -l color -d 'When to use colours (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eksup -n "__fish_eksup_using_subcommand update; and __fish_seen_subcommand_from addon" -l force -d 'Overwrite fields changed in the cluster (`--resolve-conflicts overwrite`), as eksctl\'s `--force`'
complete -c eksup -n "__fish_eksup_using_subcommand update; and __fish_seen_subcommand_from addon" -s v -l verbose -d 'Say more (repeatable)'
complete -c eksup -n "__fish_eksup_using_subcommand update; and __fish_seen_subcommand_from addon" -s q -l quiet -d 'Say only errors'
complete -c eksup -n "__fish_eksup_using_subcommand update; and __fish_seen_subcommand_from addon" -s h -l help -d 'Print help'
complete -c eksup -n "__fish_eksup_using_subcommand update; and __fish_seen_subcommand_from help" -f -a "addon" -d 'Change an add-on\'s version, configuration values or service account role, and wait'
complete -c eksup -n "__fish_eksup_using_subcommand update; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c eksup -n "__fish_eksup_using_subcommand upgrade; and not __fish_seen_subcommand_from cluster nodegroup help" -s r -l region -d 'AWS region (default: the config file, then AWS_REGION and the AWS profile)' -r
complete -c eksup -n "__fish_eksup_using_subcommand upgrade; and not __fish_seen_subcommand_from cluster nodegroup help" -s p -l profile -d 'AWS profile from the shared config files' -r
complete -c eksup -n "__fish_eksup_using_subcommand upgrade; and not __fish_seen_subcommand_from cluster nodegroup help" -l color -d 'When to use colours (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eksup -n "__fish_eksup_using_subcommand upgrade; and not __fish_seen_subcommand_from cluster nodegroup help" -s v -l verbose -d 'Say more (repeatable)'
complete -c eksup -n "__fish_eksup_using_subcommand upgrade; and not __fish_seen_subcommand_from cluster nodegroup help" -s q -l quiet -d 'Say only errors'
complete -c eksup -n "__fish_eksup_using_subcommand upgrade; and not __fish_seen_subcommand_from cluster nodegroup help" -s h -l help -d 'Print help'
complete -c eksup -n "__fish_eksup_using_subcommand upgrade; and not __fish_seen_subcommand_from cluster nodegroup help" -f -a "cluster" -d 'Upgrade the control plane one minor version, then the add-ons to versions that run on it'
complete -c eksup -n "__fish_eksup_using_subcommand upgrade; and not __fish_seen_subcommand_from cluster nodegroup help" -f -a "nodegroup" -d 'Roll a node group onto a new Kubernetes version (managed: also an AMI release or launch template version)'
complete -c eksup -n "__fish_eksup_using_subcommand upgrade; and not __fish_seen_subcommand_from cluster nodegroup help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c eksup -n "__fish_eksup_using_subcommand upgrade; and __fish_seen_subcommand_from cluster" -s f -l config-file -d 'Cluster config file (`-` for standard input)' -r -F
complete -c eksup -n "__fish_eksup_using_subcommand upgrade; and __fish_seen_subcommand_from cluster" -s n -l name -d 'The cluster (when no config file is given)' -r
complete -c eksup -n "__fish_eksup_using_subcommand upgrade; and __fish_seen_subcommand_from cluster" -l version -d 'The version to reach: the next minor one (the default) or the current one' -r
complete -c eksup -n "__fish_eksup_using_subcommand upgrade; and __fish_seen_subcommand_from cluster" -l timeout -d 'Give up after this long (e.g. `40m`, `1h`)' -r
complete -c eksup -n "__fish_eksup_using_subcommand upgrade; and __fish_seen_subcommand_from cluster" -s o -l output -d '`json` writes what was (or would be) changed as one object on stdout' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c eksup -n "__fish_eksup_using_subcommand upgrade; and __fish_seen_subcommand_from cluster" -s r -l region -d 'AWS region (default: the config file, then AWS_REGION and the AWS profile)' -r
complete -c eksup -n "__fish_eksup_using_subcommand upgrade; and __fish_seen_subcommand_from cluster" -s p -l profile -d 'AWS profile from the shared config files' -r
complete -c eksup -n "__fish_eksup_using_subcommand upgrade; and __fish_seen_subcommand_from cluster" -l color -d 'When to use colours (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eksup -n "__fish_eksup_using_subcommand upgrade; and __fish_seen_subcommand_from cluster" -l force -d 'Go on although EKS\'s upgrade insights report errors'
complete -c eksup -n "__fish_eksup_using_subcommand upgrade; and __fish_seen_subcommand_from cluster" -l approve -d 'Apply the change; without it only the change is shown'
complete -c eksup -n "__fish_eksup_using_subcommand upgrade; and __fish_seen_subcommand_from cluster" -s v -l verbose -d 'Say more (repeatable)'
complete -c eksup -n "__fish_eksup_using_subcommand upgrade; and __fish_seen_subcommand_from cluster" -s q -l quiet -d 'Say only errors'
complete -c eksup -n "__fish_eksup_using_subcommand upgrade; and __fish_seen_subcommand_from cluster" -s h -l help -d 'Print help'
complete -c eksup -n "__fish_eksup_using_subcommand upgrade; and __fish_seen_subcommand_from nodegroup" -s c -l cluster -r
complete -c eksup -n "__fish_eksup_using_subcommand upgrade; and __fish_seen_subcommand_from nodegroup" -s n -l name -d 'The node group' -r
complete -c eksup -n "__fish_eksup_using_subcommand upgrade; and __fish_seen_subcommand_from nodegroup" -l kubernetes-version -d 'The Kubernetes version (default: the control plane\'s)' -r
complete -c eksup -n "__fish_eksup_using_subcommand upgrade; and __fish_seen_subcommand_from nodegroup" -l release-version -d 'The AMI release version of a managed group (default: the newest for the Kubernetes version)' -r
complete -c eksup -n "__fish_eksup_using_subcommand upgrade; and __fish_seen_subcommand_from nodegroup" -l launch-template-version -d 'A new version of a managed group\'s launch template' -r
complete -c eksup -n "__fish_eksup_using_subcommand upgrade; and __fish_seen_subcommand_from nodegroup" -l wait -d 'Wait for the update and for the nodes to be Ready at the new version (`--wait=false` returns once it has started)' -r -f -a "true\t''
false\t''"
complete -c eksup -n "__fish_eksup_using_subcommand upgrade; and __fish_seen_subcommand_from nodegroup" -l timeout -d 'Give up after this long (e.g. `40m`, `1h`)' -r
complete -c eksup -n "__fish_eksup_using_subcommand upgrade; and __fish_seen_subcommand_from nodegroup" -s o -l output -d '`json` writes what was done as one object on stdout' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c eksup -n "__fish_eksup_using_subcommand upgrade; and __fish_seen_subcommand_from nodegroup" -s r -l region -d 'AWS region (default: the config file, then AWS_REGION and the AWS profile)' -r
complete -c eksup -n "__fish_eksup_using_subcommand upgrade; and __fish_seen_subcommand_from nodegroup" -s p -l profile -d 'AWS profile from the shared config files' -r
complete -c eksup -n "__fish_eksup_using_subcommand upgrade; and __fish_seen_subcommand_from nodegroup" -l color -d 'When to use colours (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eksup -n "__fish_eksup_using_subcommand upgrade; and __fish_seen_subcommand_from nodegroup" -l force-upgrade -d 'Replace nodes even where a PodDisruptionBudget refuses their pods\' eviction'
complete -c eksup -n "__fish_eksup_using_subcommand upgrade; and __fish_seen_subcommand_from nodegroup" -s v -l verbose -d 'Say more (repeatable)'
complete -c eksup -n "__fish_eksup_using_subcommand upgrade; and __fish_seen_subcommand_from nodegroup" -s q -l quiet -d 'Say only errors'
complete -c eksup -n "__fish_eksup_using_subcommand upgrade; and __fish_seen_subcommand_from nodegroup" -s h -l help -d 'Print help'
complete -c eksup -n "__fish_eksup_using_subcommand upgrade; and __fish_seen_subcommand_from help" -f -a "cluster" -d 'Upgrade the control plane one minor version, then the add-ons to versions that run on it'
complete -c eksup -n "__fish_eksup_using_subcommand upgrade; and __fish_seen_subcommand_from help" -f -a "nodegroup" -d 'Roll a node group onto a new Kubernetes version (managed: also an AMI release or launch template version)'
complete -c eksup -n "__fish_eksup_using_subcommand upgrade; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c eksup -n "__fish_eksup_using_subcommand utils; and not __fish_seen_subcommand_from write-kubeconfig schema man-pages update-cluster-logging update-cluster-vpc-config update-authentication-mode associate-iam-oidc-provider nodegroup-health describe-addon-versions describe-cluster-versions help" -s r -l region -d 'AWS region (default: the config file, then AWS_REGION and the AWS profile)' -r
complete -c eksup -n "__fish_eksup_using_subcommand utils; and not __fish_seen_subcommand_from write-kubeconfig schema man-pages update-cluster-logging update-cluster-vpc-config update-authentication-mode associate-iam-oidc-provider nodegroup-health describe-addon-versions describe-cluster-versions help" -s p -l profile -d 'AWS profile from the shared config files' -r
complete -c eksup -n "__fish_eksup_using_subcommand utils; and not __fish_seen_subcommand_from write-kubeconfig schema man-pages update-cluster-logging update-cluster-vpc-config update-authentication-mode associate-iam-oidc-provider nodegroup-health describe-addon-versions describe-cluster-versions help" -l color -d 'When to use colours (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eksup -n "__fish_eksup_using_subcommand utils; and not __fish_seen_subcommand_from write-kubeconfig schema man-pages update-cluster-logging update-cluster-vpc-config update-authentication-mode associate-iam-oidc-provider nodegroup-health describe-addon-versions describe-cluster-versions help" -s v -l verbose -d 'Say more (repeatable)'
complete -c eksup -n "__fish_eksup_using_subcommand utils; and not __fish_seen_subcommand_from write-kubeconfig schema man-pages update-cluster-logging update-cluster-vpc-config update-authentication-mode associate-iam-oidc-provider nodegroup-health describe-addon-versions describe-cluster-versions help" -s q -l quiet -d 'Say only errors'
complete -c eksup -n "__fish_eksup_using_subcommand utils; and not __fish_seen_subcommand_from write-kubeconfig schema man-pages update-cluster-logging update-cluster-vpc-config update-authentication-mode associate-iam-oidc-provider nodegroup-health describe-addon-versions describe-cluster-versions help" -s h -l help -d 'Print help'
complete -c eksup -n "__fish_eksup_using_subcommand utils; and not __fish_seen_subcommand_from write-kubeconfig schema man-pages update-cluster-logging update-cluster-vpc-config update-authentication-mode associate-iam-oidc-provider nodegroup-health describe-addon-versions describe-cluster-versions help" -f -a "write-kubeconfig" -d 'Write or refresh a cluster\'s kubeconfig entries'
complete -c eksup -n "__fish_eksup_using_subcommand utils; and not __fish_seen_subcommand_from write-kubeconfig schema man-pages update-cluster-logging update-cluster-vpc-config update-authentication-mode associate-iam-oidc-provider nodegroup-health describe-addon-versions describe-cluster-versions help" -f -a "schema" -d 'Print the JSON Schema of the cluster config, for editors'
complete -c eksup -n "__fish_eksup_using_subcommand utils; and not __fish_seen_subcommand_from write-kubeconfig schema man-pages update-cluster-logging update-cluster-vpc-config update-authentication-mode associate-iam-oidc-provider nodegroup-health describe-addon-versions describe-cluster-versions help" -f -a "man-pages" -d 'Write a man page per command (roff) into a directory'
complete -c eksup -n "__fish_eksup_using_subcommand utils; and not __fish_seen_subcommand_from write-kubeconfig schema man-pages update-cluster-logging update-cluster-vpc-config update-authentication-mode associate-iam-oidc-provider nodegroup-health describe-addon-versions describe-cluster-versions help" -f -a "update-cluster-logging" -d 'Turn control-plane log types on or off (CloudWatch)'
complete -c eksup -n "__fish_eksup_using_subcommand utils; and not __fish_seen_subcommand_from write-kubeconfig schema man-pages update-cluster-logging update-cluster-vpc-config update-authentication-mode associate-iam-oidc-provider nodegroup-health describe-addon-versions describe-cluster-versions help" -f -a "update-cluster-vpc-config" -d 'Change the API server\'s endpoint access: public, private, and the CIDRs allowed'
complete -c eksup -n "__fish_eksup_using_subcommand utils; and not __fish_seen_subcommand_from write-kubeconfig schema man-pages update-cluster-logging update-cluster-vpc-config update-authentication-mode associate-iam-oidc-provider nodegroup-health describe-addon-versions describe-cluster-versions help" -f -a "update-authentication-mode" -d 'Move the cluster\'s authentication mode towards access entries (`API_AND_CONFIG_MAP`, `API`)'
complete -c eksup -n "__fish_eksup_using_subcommand utils; and not __fish_seen_subcommand_from write-kubeconfig schema man-pages update-cluster-logging update-cluster-vpc-config update-authentication-mode associate-iam-oidc-provider nodegroup-health describe-addon-versions describe-cluster-versions help" -f -a "associate-iam-oidc-provider" -d 'Create the IAM OIDC provider that lets the cluster\'s service accounts take IAM roles'
complete -c eksup -n "__fish_eksup_using_subcommand utils; and not __fish_seen_subcommand_from write-kubeconfig schema man-pages update-cluster-logging update-cluster-vpc-config update-authentication-mode associate-iam-oidc-provider nodegroup-health describe-addon-versions describe-cluster-versions help" -f -a "nodegroup-health" -d 'Show the health issues EKS reports for a managed node group'
complete -c eksup -n "__fish_eksup_using_subcommand utils; and not __fish_seen_subcommand_from write-kubeconfig schema man-pages update-cluster-logging update-cluster-vpc-config update-authentication-mode associate-iam-oidc-provider nodegroup-health describe-addon-versions describe-cluster-versions help" -f -a "describe-addon-versions" -d 'Show the add-on versions EKS offers for a Kubernetes version'
complete -c eksup -n "__fish_eksup_using_subcommand utils; and not __fish_seen_subcommand_from write-kubeconfig schema man-pages update-cluster-logging update-cluster-vpc-config update-authentication-mode associate-iam-oidc-provider nodegroup-health describe-addon-versions describe-cluster-versions help" -f -a "describe-cluster-versions" -d 'Show the Kubernetes versions EKS offers, with their support dates'
complete -c eksup -n "__fish_eksup_using_subcommand utils; and not __fish_seen_subcommand_from write-kubeconfig schema man-pages update-cluster-logging update-cluster-vpc-config update-authentication-mode associate-iam-oidc-provider nodegroup-health describe-addon-versions describe-cluster-versions help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from write-kubeconfig" -s c -l cluster -d 'The cluster' -r
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from write-kubeconfig" -l kubeconfig -d 'Kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from write-kubeconfig" -l alias -d 'Name of the context (and of its cluster and user entries)' -r
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from write-kubeconfig" -l role-arn -d 'Role the token assumes' -r
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from write-kubeconfig" -l authenticator -d 'Credential helper the kubeconfig runs' -r -f -a "eksup\t'`eksup get-token`'
aws-cli\t'`aws eks get-token`'"
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from write-kubeconfig" -s r -l region -d 'AWS region (default: the config file, then AWS_REGION and the AWS profile)' -r
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from write-kubeconfig" -s p -l profile -d 'AWS profile from the shared config files' -r
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from write-kubeconfig" -l color -d 'When to use colours (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from write-kubeconfig" -l set-context -d 'Make the context current (default)'
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from write-kubeconfig" -l no-set-context -d 'Leave the current context as it is'
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from write-kubeconfig" -s v -l verbose -d 'Say more (repeatable)'
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from write-kubeconfig" -s q -l quiet -d 'Say only errors'
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from write-kubeconfig" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from schema" -s r -l region -d 'AWS region (default: the config file, then AWS_REGION and the AWS profile)' -r
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from schema" -s p -l profile -d 'AWS profile from the shared config files' -r
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from schema" -l color -d 'When to use colours (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from schema" -s v -l verbose -d 'Say more (repeatable)'
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from schema" -s q -l quiet -d 'Say only errors'
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from schema" -s h -l help -d 'Print help'
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from man-pages" -l dir -d 'Directory to write the pages into (created if needed)' -r -F
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from man-pages" -s r -l region -d 'AWS region (default: the config file, then AWS_REGION and the AWS profile)' -r
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from man-pages" -s p -l profile -d 'AWS profile from the shared config files' -r
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from man-pages" -l color -d 'When to use colours (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from man-pages" -s v -l verbose -d 'Say more (repeatable)'
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from man-pages" -s q -l quiet -d 'Say only errors'
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from man-pages" -s h -l help -d 'Print help'
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from update-cluster-logging" -s c -l cluster -r
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from update-cluster-logging" -l enable-types -d 'Log types to turn on: `all`, or some of api, audit, authenticator, controllerManager, scheduler' -r
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from update-cluster-logging" -l disable-types -d 'Log types to turn off (same names)' -r
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from update-cluster-logging" -l timeout -d 'Give up after this long (e.g. `40m`, `1h`)' -r
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from update-cluster-logging" -s o -l output -d '`json` writes what was (or would be) changed as one object on stdout' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from update-cluster-logging" -s r -l region -d 'AWS region (default: the config file, then AWS_REGION and the AWS profile)' -r
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from update-cluster-logging" -s p -l profile -d 'AWS profile from the shared config files' -r
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from update-cluster-logging" -l color -d 'When to use colours (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from update-cluster-logging" -l approve -d 'Apply the change; without it only the change is shown'
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from update-cluster-logging" -s v -l verbose -d 'Say more (repeatable)'
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from update-cluster-logging" -s q -l quiet -d 'Say only errors'
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from update-cluster-logging" -s h -l help -d 'Print help'
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from update-cluster-vpc-config" -s c -l cluster -r
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from update-cluster-vpc-config" -l private-access -d 'The API server\'s private endpoint (reached from inside the VPC)' -r -f -a "true\t''
false\t''"
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from update-cluster-vpc-config" -l public-access -d 'The API server\'s public endpoint' -r -f -a "true\t''
false\t''"
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from update-cluster-vpc-config" -l public-access-cidrs -d 'The CIDRs that may reach the public endpoint' -r
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from update-cluster-vpc-config" -l timeout -d 'Give up after this long (e.g. `40m`, `1h`)' -r
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from update-cluster-vpc-config" -s o -l output -d '`json` writes what was (or would be) changed as one object on stdout' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from update-cluster-vpc-config" -s r -l region -d 'AWS region (default: the config file, then AWS_REGION and the AWS profile)' -r
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from update-cluster-vpc-config" -s p -l profile -d 'AWS profile from the shared config files' -r
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from update-cluster-vpc-config" -l color -d 'When to use colours (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from update-cluster-vpc-config" -l approve -d 'Apply the change; without it only the change is shown'
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from update-cluster-vpc-config" -s v -l verbose -d 'Say more (repeatable)'
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from update-cluster-vpc-config" -s q -l quiet -d 'Say only errors'
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from update-cluster-vpc-config" -s h -l help -d 'Print help'
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from update-authentication-mode" -s c -l cluster -r
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from update-authentication-mode" -l authentication-mode -d '`API_AND_CONFIG_MAP` or `API`' -r
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from update-authentication-mode" -l timeout -d 'Give up after this long (e.g. `40m`, `1h`)' -r
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from update-authentication-mode" -s o -l output -d '`json` writes what was (or would be) changed as one object on stdout' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from update-authentication-mode" -s r -l region -d 'AWS region (default: the config file, then AWS_REGION and the AWS profile)' -r
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from update-authentication-mode" -s p -l profile -d 'AWS profile from the shared config files' -r
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from update-authentication-mode" -l color -d 'When to use colours (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from update-authentication-mode" -l approve -d 'Apply the change; without it only the change is shown'
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from update-authentication-mode" -s v -l verbose -d 'Say more (repeatable)'
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from update-authentication-mode" -s q -l quiet -d 'Say only errors'
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from update-authentication-mode" -s h -l help -d 'Print help'
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from associate-iam-oidc-provider" -s c -l cluster -r
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from associate-iam-oidc-provider" -s o -l output -d '`json` writes what was (or would be) done as one object on stdout' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from associate-iam-oidc-provider" -s r -l region -d 'AWS region (default: the config file, then AWS_REGION and the AWS profile)' -r
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from associate-iam-oidc-provider" -s p -l profile -d 'AWS profile from the shared config files' -r
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from associate-iam-oidc-provider" -l color -d 'When to use colours (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from associate-iam-oidc-provider" -l approve -d 'Create it; without it only the plan is shown'
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from associate-iam-oidc-provider" -s v -l verbose -d 'Say more (repeatable)'
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from associate-iam-oidc-provider" -s q -l quiet -d 'Say only errors'
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from associate-iam-oidc-provider" -s h -l help -d 'Print help'
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from nodegroup-health" -s c -l cluster -r
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from nodegroup-health" -s n -l name -d 'The managed node group' -r
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from nodegroup-health" -s o -l output -r -f -a "table\t''
json\t''
yaml\t''"
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from nodegroup-health" -s r -l region -d 'AWS region (default: the config file, then AWS_REGION and the AWS profile)' -r
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from nodegroup-health" -s p -l profile -d 'AWS profile from the shared config files' -r
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from nodegroup-health" -l color -d 'When to use colours (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from nodegroup-health" -s v -l verbose -d 'Say more (repeatable)'
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from nodegroup-health" -s q -l quiet -d 'Say only errors'
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from nodegroup-health" -s h -l help -d 'Print help'
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from describe-addon-versions" -l kubernetes-version -d 'The Kubernetes version (default: the version of `--cluster`)' -r
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from describe-addon-versions" -s c -l cluster -d 'Take the Kubernetes version of this cluster' -r
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from describe-addon-versions" -s n -l name -d 'One add-on (default: all)' -r
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from describe-addon-versions" -l types -d 'Only add-ons of these types, e.g. `networking,storage` (repeatable)' -r
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from describe-addon-versions" -l owners -d 'Only add-ons of these owners: `aws`, `aws-marketplace`, `community` (repeatable)' -r
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from describe-addon-versions" -l publishers -d 'Only add-ons of these publishers, e.g. `eks` (repeatable)' -r
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from describe-addon-versions" -s o -l output -r -f -a "table\t''
json\t''
yaml\t''"
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from describe-addon-versions" -s r -l region -d 'AWS region (default: the config file, then AWS_REGION and the AWS profile)' -r
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from describe-addon-versions" -s p -l profile -d 'AWS profile from the shared config files' -r
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from describe-addon-versions" -l color -d 'When to use colours (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from describe-addon-versions" -s v -l verbose -d 'Say more (repeatable)'
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from describe-addon-versions" -s q -l quiet -d 'Say only errors'
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from describe-addon-versions" -s h -l help -d 'Print help'
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from describe-cluster-versions" -l version-status -d 'Only versions in this support status: `STANDARD_SUPPORT`, `EXTENDED_SUPPORT` or `UNSUPPORTED`' -r -f -a "STANDARD_SUPPORT\t''
EXTENDED_SUPPORT\t''
UNSUPPORTED\t''"
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from describe-cluster-versions" -s o -l output -r -f -a "table\t''
json\t''
yaml\t''"
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from describe-cluster-versions" -s r -l region -d 'AWS region (default: the config file, then AWS_REGION and the AWS profile)' -r
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from describe-cluster-versions" -s p -l profile -d 'AWS profile from the shared config files' -r
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from describe-cluster-versions" -l color -d 'When to use colours (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from describe-cluster-versions" -l default-only -d 'Only the version EKS creates when none is asked for'
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from describe-cluster-versions" -s v -l verbose -d 'Say more (repeatable)'
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from describe-cluster-versions" -s q -l quiet -d 'Say only errors'
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from describe-cluster-versions" -s h -l help -d 'Print help'
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from help" -f -a "write-kubeconfig" -d 'Write or refresh a cluster\'s kubeconfig entries'
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from help" -f -a "schema" -d 'Print the JSON Schema of the cluster config, for editors'
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from help" -f -a "man-pages" -d 'Write a man page per command (roff) into a directory'
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from help" -f -a "update-cluster-logging" -d 'Turn control-plane log types on or off (CloudWatch)'
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from help" -f -a "update-cluster-vpc-config" -d 'Change the API server\'s endpoint access: public, private, and the CIDRs allowed'
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from help" -f -a "update-authentication-mode" -d 'Move the cluster\'s authentication mode towards access entries (`API_AND_CONFIG_MAP`, `API`)'
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from help" -f -a "associate-iam-oidc-provider" -d 'Create the IAM OIDC provider that lets the cluster\'s service accounts take IAM roles'
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from help" -f -a "nodegroup-health" -d 'Show the health issues EKS reports for a managed node group'
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from help" -f -a "describe-addon-versions" -d 'Show the add-on versions EKS offers for a Kubernetes version'
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from help" -f -a "describe-cluster-versions" -d 'Show the Kubernetes versions EKS offers, with their support dates'
complete -c eksup -n "__fish_eksup_using_subcommand utils; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c eksup -n "__fish_eksup_using_subcommand set-context" -l namespace -d 'Namespace of the context' -r
complete -c eksup -n "__fish_eksup_using_subcommand set-context" -l alias -d 'Name of the context (and of its cluster and user entries)' -r
complete -c eksup -n "__fish_eksup_using_subcommand set-context" -l kubeconfig -d 'Kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c eksup -n "__fish_eksup_using_subcommand set-context" -l role-arn -d 'Role the token assumes' -r
complete -c eksup -n "__fish_eksup_using_subcommand set-context" -l authenticator -d 'Credential helper the kubeconfig runs' -r -f -a "eksup\t'`eksup get-token`'
aws-cli\t'`aws eks get-token`'"
complete -c eksup -n "__fish_eksup_using_subcommand set-context" -s r -l region -d 'AWS region (default: the config file, then AWS_REGION and the AWS profile)' -r
complete -c eksup -n "__fish_eksup_using_subcommand set-context" -s p -l profile -d 'AWS profile from the shared config files' -r
complete -c eksup -n "__fish_eksup_using_subcommand set-context" -l color -d 'When to use colours (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eksup -n "__fish_eksup_using_subcommand set-context" -s v -l verbose -d 'Say more (repeatable)'
complete -c eksup -n "__fish_eksup_using_subcommand set-context" -s q -l quiet -d 'Say only errors'
complete -c eksup -n "__fish_eksup_using_subcommand set-context" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eksup -n "__fish_eksup_using_subcommand get-token" -s i -l cluster-name -d 'The cluster the token is for' -r
complete -c eksup -n "__fish_eksup_using_subcommand get-token" -l role-arn -d 'Role to assume before signing' -r
complete -c eksup -n "__fish_eksup_using_subcommand get-token" -s r -l region -d 'AWS region (default: the config file, then AWS_REGION and the AWS profile)' -r
complete -c eksup -n "__fish_eksup_using_subcommand get-token" -s p -l profile -d 'AWS profile from the shared config files' -r
complete -c eksup -n "__fish_eksup_using_subcommand get-token" -l color -d 'When to use colours (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eksup -n "__fish_eksup_using_subcommand get-token" -l no-cache -d 'Do not read or write the token cache'
complete -c eksup -n "__fish_eksup_using_subcommand get-token" -s v -l verbose -d 'Say more (repeatable)'
complete -c eksup -n "__fish_eksup_using_subcommand get-token" -s q -l quiet -d 'Say only errors'
complete -c eksup -n "__fish_eksup_using_subcommand get-token" -s h -l help -d 'Print help'
complete -c eksup -n "__fish_eksup_using_subcommand ecr; and not __fish_seen_subcommand_from login help" -s r -l region -d 'AWS region (default: the config file, then AWS_REGION and the AWS profile)' -r
complete -c eksup -n "__fish_eksup_using_subcommand ecr; and not __fish_seen_subcommand_from login help" -s p -l profile -d 'AWS profile from the shared config files' -r
complete -c eksup -n "__fish_eksup_using_subcommand ecr; and not __fish_seen_subcommand_from login help" -l color -d 'When to use colours (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eksup -n "__fish_eksup_using_subcommand ecr; and not __fish_seen_subcommand_from login help" -s v -l verbose -d 'Say more (repeatable)'
complete -c eksup -n "__fish_eksup_using_subcommand ecr; and not __fish_seen_subcommand_from login help" -s q -l quiet -d 'Say only errors'
complete -c eksup -n "__fish_eksup_using_subcommand ecr; and not __fish_seen_subcommand_from login help" -s h -l help -d 'Print help'
complete -c eksup -n "__fish_eksup_using_subcommand ecr; and not __fish_seen_subcommand_from login help" -f -a "login" -d 'Log Docker in to the account\'s registry'
complete -c eksup -n "__fish_eksup_using_subcommand ecr; and not __fish_seen_subcommand_from login help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c eksup -n "__fish_eksup_using_subcommand ecr; and __fish_seen_subcommand_from login" -l docker-config -d 'Docker config file (default: $DOCKER_CONFIG/config.json, then ~/.docker/config.json)' -r -F
complete -c eksup -n "__fish_eksup_using_subcommand ecr; and __fish_seen_subcommand_from login" -s r -l region -d 'AWS region (default: the config file, then AWS_REGION and the AWS profile)' -r
complete -c eksup -n "__fish_eksup_using_subcommand ecr; and __fish_seen_subcommand_from login" -s p -l profile -d 'AWS profile from the shared config files' -r
complete -c eksup -n "__fish_eksup_using_subcommand ecr; and __fish_seen_subcommand_from login" -l color -d 'When to use colours (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eksup -n "__fish_eksup_using_subcommand ecr; and __fish_seen_subcommand_from login" -l password-stdin -d 'Print the password on stdout for `docker login --password-stdin` instead of writing Docker\'s config.json'
complete -c eksup -n "__fish_eksup_using_subcommand ecr; and __fish_seen_subcommand_from login" -s v -l verbose -d 'Say more (repeatable)'
complete -c eksup -n "__fish_eksup_using_subcommand ecr; and __fish_seen_subcommand_from login" -s q -l quiet -d 'Say only errors'
complete -c eksup -n "__fish_eksup_using_subcommand ecr; and __fish_seen_subcommand_from login" -s h -l help -d 'Print help'
complete -c eksup -n "__fish_eksup_using_subcommand ecr; and __fish_seen_subcommand_from help" -f -a "login" -d 'Log Docker in to the account\'s registry'
complete -c eksup -n "__fish_eksup_using_subcommand ecr; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c eksup -n "__fish_eksup_using_subcommand init" -s f -l file -d 'File to write' -r -F
complete -c eksup -n "__fish_eksup_using_subcommand init" -l name -r
complete -c eksup -n "__fish_eksup_using_subcommand init" -l k8s-version -r
complete -c eksup -n "__fish_eksup_using_subcommand init" -l node-kind -d 'managed, self-managed, fargate or mixed' -r -f -a "managed\t''
self-managed\t''
fargate\t''
mixed\t''"
complete -c eksup -n "__fish_eksup_using_subcommand init" -l instance-type -r
complete -c eksup -n "__fish_eksup_using_subcommand init" -l nodes-min -r
complete -c eksup -n "__fish_eksup_using_subcommand init" -l nodes -r
complete -c eksup -n "__fish_eksup_using_subcommand init" -l nodes-max -r
complete -c eksup -n "__fish_eksup_using_subcommand init" -l private-networking -r -f -a "true\t''
false\t''"
complete -c eksup -n "__fish_eksup_using_subcommand init" -l nat -r -f -a "Single\t''
HighlyAvailable\t''
Disable\t''"
complete -c eksup -n "__fish_eksup_using_subcommand init" -l repositories -d 'ECR repositories to declare' -r
complete -c eksup -n "__fish_eksup_using_subcommand init" -s r -l region -d 'AWS region (default: the config file, then AWS_REGION and the AWS profile)' -r
complete -c eksup -n "__fish_eksup_using_subcommand init" -s p -l profile -d 'AWS profile from the shared config files' -r
complete -c eksup -n "__fish_eksup_using_subcommand init" -l color -d 'When to use colours (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eksup -n "__fish_eksup_using_subcommand init" -l non-interactive -d 'Never ask: use flags and defaults'
complete -c eksup -n "__fish_eksup_using_subcommand init" -l force -d 'Overwrite the file if it exists'
complete -c eksup -n "__fish_eksup_using_subcommand init" -l create -d 'Create the cluster after writing the file'
complete -c eksup -n "__fish_eksup_using_subcommand init" -s v -l verbose -d 'Say more (repeatable)'
complete -c eksup -n "__fish_eksup_using_subcommand init" -s q -l quiet -d 'Say only errors'
complete -c eksup -n "__fish_eksup_using_subcommand init" -s h -l help -d 'Print help'
complete -c eksup -n "__fish_eksup_using_subcommand completion" -s r -l region -d 'AWS region (default: the config file, then AWS_REGION and the AWS profile)' -r
complete -c eksup -n "__fish_eksup_using_subcommand completion" -s p -l profile -d 'AWS profile from the shared config files' -r
complete -c eksup -n "__fish_eksup_using_subcommand completion" -l color -d 'When to use colours (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eksup -n "__fish_eksup_using_subcommand completion" -s v -l verbose -d 'Say more (repeatable)'
complete -c eksup -n "__fish_eksup_using_subcommand completion" -s q -l quiet -d 'Say only errors'
complete -c eksup -n "__fish_eksup_using_subcommand completion" -s h -l help -d 'Print help'
complete -c eksup -n "__fish_eksup_using_subcommand version" -s o -l output -r -f -a "table\t''
json\t''
yaml\t''"
complete -c eksup -n "__fish_eksup_using_subcommand version" -s r -l region -d 'AWS region (default: the config file, then AWS_REGION and the AWS profile)' -r
complete -c eksup -n "__fish_eksup_using_subcommand version" -s p -l profile -d 'AWS profile from the shared config files' -r
complete -c eksup -n "__fish_eksup_using_subcommand version" -l color -d 'When to use colours (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eksup -n "__fish_eksup_using_subcommand version" -s v -l verbose -d 'Say more (repeatable)'
complete -c eksup -n "__fish_eksup_using_subcommand version" -s q -l quiet -d 'Say only errors'
complete -c eksup -n "__fish_eksup_using_subcommand version" -s h -l help -d 'Print help'
complete -c eksup -n "__fish_eksup_using_subcommand help; and not __fish_seen_subcommand_from create get delete scale set unset drain update upgrade utils set-context get-token ecr init completion version help" -f -a "create" -d 'Create a cluster, node group or repository'
complete -c eksup -n "__fish_eksup_using_subcommand help; and not __fish_seen_subcommand_from create get delete scale set unset drain update upgrade utils set-context get-token ecr init completion version help" -f -a "get" -d 'Show clusters, node groups or repositories'
complete -c eksup -n "__fish_eksup_using_subcommand help; and not __fish_seen_subcommand_from create get delete scale set unset drain update upgrade utils set-context get-token ecr init completion version help" -f -a "delete" -d 'Delete a cluster, node group or repository'
complete -c eksup -n "__fish_eksup_using_subcommand help; and not __fish_seen_subcommand_from create get delete scale set unset drain update upgrade utils set-context get-token ecr init completion version help" -f -a "scale" -d 'Change the size of a node group'
complete -c eksup -n "__fish_eksup_using_subcommand help; and not __fish_seen_subcommand_from create get delete scale set unset drain update upgrade utils set-context get-token ecr init completion version help" -f -a "set" -d 'Add or change labels of a managed node group\'s nodes'
complete -c eksup -n "__fish_eksup_using_subcommand help; and not __fish_seen_subcommand_from create get delete scale set unset drain update upgrade utils set-context get-token ecr init completion version help" -f -a "unset" -d 'Remove labels of a managed node group\'s nodes'
complete -c eksup -n "__fish_eksup_using_subcommand help; and not __fish_seen_subcommand_from create get delete scale set unset drain update upgrade utils set-context get-token ecr init completion version help" -f -a "drain" -d 'Cordon a node group\'s nodes and evict their pods (or `--undo`)'
complete -c eksup -n "__fish_eksup_using_subcommand help; and not __fish_seen_subcommand_from create get delete scale set unset drain update upgrade utils set-context get-token ecr init completion version help" -f -a "update" -d 'Update an add-on in place'
complete -c eksup -n "__fish_eksup_using_subcommand help; and not __fish_seen_subcommand_from create get delete scale set unset drain update upgrade utils set-context get-token ecr init completion version help" -f -a "upgrade" -d 'Move a control plane or a managed node group to a newer Kubernetes version'
complete -c eksup -n "__fish_eksup_using_subcommand help; and not __fish_seen_subcommand_from create get delete scale set unset drain update upgrade utils set-context get-token ecr init completion version help" -f -a "utils" -d 'Utilities: kubeconfig, schema, cluster settings and what EKS offers'
complete -c eksup -n "__fish_eksup_using_subcommand help; and not __fish_seen_subcommand_from create get delete scale set unset drain update upgrade utils set-context get-token ecr init completion version help" -f -a "set-context" -d 'Write a cluster\'s kubeconfig entries and make its context current'
complete -c eksup -n "__fish_eksup_using_subcommand help; and not __fish_seen_subcommand_from create get delete scale set unset drain update upgrade utils set-context get-token ecr init completion version help" -f -a "get-token" -d 'Print an ExecCredential with a bearer token for a cluster (kubectl exec plugin)'
complete -c eksup -n "__fish_eksup_using_subcommand help; and not __fish_seen_subcommand_from create get delete scale set unset drain update upgrade utils set-context get-token ecr init completion version help" -f -a "ecr" -d 'Amazon ECR helpers'
complete -c eksup -n "__fish_eksup_using_subcommand help; and not __fish_seen_subcommand_from create get delete scale set unset drain update upgrade utils set-context get-token ecr init completion version help" -f -a "init" -d 'Write a commented cluster YAML, asking questions on a terminal'
complete -c eksup -n "__fish_eksup_using_subcommand help; and not __fish_seen_subcommand_from create get delete scale set unset drain update upgrade utils set-context get-token ecr init completion version help" -f -a "completion" -d 'Print a shell completion script'
complete -c eksup -n "__fish_eksup_using_subcommand help; and not __fish_seen_subcommand_from create get delete scale set unset drain update upgrade utils set-context get-token ecr init completion version help" -f -a "version" -d 'Print the version'
complete -c eksup -n "__fish_eksup_using_subcommand help; and not __fish_seen_subcommand_from create get delete scale set unset drain update upgrade utils set-context get-token ecr init completion version help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c eksup -n "__fish_eksup_using_subcommand help; and __fish_seen_subcommand_from create" -f -a "cluster" -d 'Create a cluster from a config file or from flags'
complete -c eksup -n "__fish_eksup_using_subcommand help; and __fish_seen_subcommand_from create" -f -a "nodegroup" -d 'Create node groups of an existing cluster from a config file'
complete -c eksup -n "__fish_eksup_using_subcommand help; and __fish_seen_subcommand_from create" -f -a "iamserviceaccount" -d 'Create service accounts and their IAM roles on an existing cluster, from flags or a config file'
complete -c eksup -n "__fish_eksup_using_subcommand help; and __fish_seen_subcommand_from create" -f -a "podidentityassociation" -d 'Create EKS Pod Identity associations and their IAM roles on an existing cluster, from flags or a config file'
complete -c eksup -n "__fish_eksup_using_subcommand help; and __fish_seen_subcommand_from create" -f -a "addon" -d 'Create add-ons on an existing cluster, from flags or a config file'
complete -c eksup -n "__fish_eksup_using_subcommand help; and __fish_seen_subcommand_from create" -f -a "fargateprofile" -d 'Create Fargate profiles on an existing cluster, from flags or a config file'
complete -c eksup -n "__fish_eksup_using_subcommand help; and __fish_seen_subcommand_from create" -f -a "accessentry" -d 'Create access entries on an existing cluster, from flags or a config file'
complete -c eksup -n "__fish_eksup_using_subcommand help; and __fish_seen_subcommand_from create" -f -a "capability" -d 'Create the config file\'s EKS capabilities (ACK, kro, Argo CD) on its existing cluster'
complete -c eksup -n "__fish_eksup_using_subcommand help; and __fish_seen_subcommand_from create" -f -a "iamidentitymapping" -d 'Create IAM identity mappings on an existing cluster, from flags or a config file'
complete -c eksup -n "__fish_eksup_using_subcommand help; and __fish_seen_subcommand_from create" -f -a "repository" -d 'Create an ECR repository'
complete -c eksup -n "__fish_eksup_using_subcommand help; and __fish_seen_subcommand_from get" -f -a "cluster" -d 'Show clusters in a region, or one cluster'
complete -c eksup -n "__fish_eksup_using_subcommand help; and __fish_seen_subcommand_from get" -f -a "nodegroup" -d 'Show the node groups of a cluster'
complete -c eksup -n "__fish_eksup_using_subcommand help; and __fish_seen_subcommand_from get" -f -a "iamserviceaccount" -d 'Show the service accounts of a cluster that take an IAM role (IRSA)'
complete -c eksup -n "__fish_eksup_using_subcommand help; and __fish_seen_subcommand_from get" -f -a "labels" -d 'Show the labels of a managed node group\'s nodes'
complete -c eksup -n "__fish_eksup_using_subcommand help; and __fish_seen_subcommand_from get" -f -a "podidentityassociation" -d 'Show the pod identity associations of a cluster (EKS Pod Identity)'
complete -c eksup -n "__fish_eksup_using_subcommand help; and __fish_seen_subcommand_from get" -f -a "identityprovider" -d 'Show the OIDC identity providers associated with a cluster'
complete -c eksup -n "__fish_eksup_using_subcommand help; and __fish_seen_subcommand_from get" -f -a "addon" -d 'Show a cluster\'s add-ons, whoever installed them'
complete -c eksup -n "__fish_eksup_using_subcommand help; and __fish_seen_subcommand_from get" -f -a "fargateprofile" -d 'Show a cluster\'s Fargate profiles'
complete -c eksup -n "__fish_eksup_using_subcommand help; and __fish_seen_subcommand_from get" -f -a "accessentry" -d 'Show a cluster\'s access entries and their access policies'
complete -c eksup -n "__fish_eksup_using_subcommand help; and __fish_seen_subcommand_from get" -f -a "iamidentitymapping" -d 'Show a cluster\'s identity mappings: its access entries and the aws-auth ConfigMap\'s entries (roles, users, accounts)'
complete -c eksup -n "__fish_eksup_using_subcommand help; and __fish_seen_subcommand_from get" -f -a "capability" -d 'Show a cluster\'s EKS capabilities, whoever made them'
complete -c eksup -n "__fish_eksup_using_subcommand help; and __fish_seen_subcommand_from get" -f -a "repository" -d 'Show ECR repositories'
complete -c eksup -n "__fish_eksup_using_subcommand help; and __fish_seen_subcommand_from get" -f -a "orphans" -d 'Show what eksup left behind: resources tagged for clusters that no longer exist'
complete -c eksup -n "__fish_eksup_using_subcommand help; and __fish_seen_subcommand_from delete" -f -a "cluster" -d 'Delete a cluster and everything eksup created for it'
complete -c eksup -n "__fish_eksup_using_subcommand help; and __fish_seen_subcommand_from delete" -f -a "nodegroup" -d 'Delete a node group'
complete -c eksup -n "__fish_eksup_using_subcommand help; and __fish_seen_subcommand_from delete" -f -a "podidentityassociation" -d 'Delete a pod identity association, and its IAM role when eksup made it'
complete -c eksup -n "__fish_eksup_using_subcommand help; and __fish_seen_subcommand_from delete" -f -a "addon" -d 'Delete an add-on of a cluster, whoever installed it, and wait until it is gone'
complete -c eksup -n "__fish_eksup_using_subcommand help; and __fish_seen_subcommand_from delete" -f -a "fargateprofile" -d 'Delete a Fargate profile of a cluster and wait until it is gone (its pods are stopped)'
complete -c eksup -n "__fish_eksup_using_subcommand help; and __fish_seen_subcommand_from delete" -f -a "accessentry" -d 'Delete a cluster\'s access entry for an IAM principal (and its access policies)'
complete -c eksup -n "__fish_eksup_using_subcommand help; and __fish_seen_subcommand_from delete" -f -a "iamidentitymapping" -d 'Delete a cluster\'s identity mapping: the access entry of an IAM role or user and its entries in the aws-auth ConfigMap, or an account\'s `mapAccounts` entry'
complete -c eksup -n "__fish_eksup_using_subcommand help; and __fish_seen_subcommand_from delete" -f -a "capability" -d 'Delete an EKS capability, whoever made it, and wait until it is gone; its IAM role too when eksup made it'
complete -c eksup -n "__fish_eksup_using_subcommand help; and __fish_seen_subcommand_from delete" -f -a "iamserviceaccount" -d 'Delete a service account\'s IAM role and the Kubernetes ServiceAccount, each when eksup made it'
complete -c eksup -n "__fish_eksup_using_subcommand help; and __fish_seen_subcommand_from delete" -f -a "repository" -d 'Delete an ECR repository'
complete -c eksup -n "__fish_eksup_using_subcommand help; and __fish_seen_subcommand_from delete" -f -a "orphans" -d 'Delete what eksup left behind for a cluster that no longer exists'
complete -c eksup -n "__fish_eksup_using_subcommand help; and __fish_seen_subcommand_from scale" -f -a "nodegroup" -d 'Change desired, min and max of a node group'
complete -c eksup -n "__fish_eksup_using_subcommand help; and __fish_seen_subcommand_from set" -f -a "labels" -d 'Add or change labels of a managed node group\'s nodes (UpdateNodegroupConfig)'
complete -c eksup -n "__fish_eksup_using_subcommand help; and __fish_seen_subcommand_from unset" -f -a "labels" -d 'Remove labels of a managed node group\'s nodes (UpdateNodegroupConfig)'
complete -c eksup -n "__fish_eksup_using_subcommand help; and __fish_seen_subcommand_from drain" -f -a "nodegroup" -d 'Cordon the nodes of a node group and evict their pods, respecting PodDisruptionBudgets'
complete -c eksup -n "__fish_eksup_using_subcommand help; and __fish_seen_subcommand_from update" -f -a "addon" -d 'Change an add-on\'s version, configuration values or service account role, and wait'
complete -c eksup -n "__fish_eksup_using_subcommand help; and __fish_seen_subcommand_from upgrade" -f -a "cluster" -d 'Upgrade the control plane one minor version, then the add-ons to versions that run on it'
complete -c eksup -n "__fish_eksup_using_subcommand help; and __fish_seen_subcommand_from upgrade" -f -a "nodegroup" -d 'Roll a node group onto a new Kubernetes version (managed: also an AMI release or launch template version)'
complete -c eksup -n "__fish_eksup_using_subcommand help; and __fish_seen_subcommand_from utils" -f -a "write-kubeconfig" -d 'Write or refresh a cluster\'s kubeconfig entries'
complete -c eksup -n "__fish_eksup_using_subcommand help; and __fish_seen_subcommand_from utils" -f -a "schema" -d 'Print the JSON Schema of the cluster config, for editors'
complete -c eksup -n "__fish_eksup_using_subcommand help; and __fish_seen_subcommand_from utils" -f -a "man-pages" -d 'Write a man page per command (roff) into a directory'
complete -c eksup -n "__fish_eksup_using_subcommand help; and __fish_seen_subcommand_from utils" -f -a "update-cluster-logging" -d 'Turn control-plane log types on or off (CloudWatch)'
complete -c eksup -n "__fish_eksup_using_subcommand help; and __fish_seen_subcommand_from utils" -f -a "update-cluster-vpc-config" -d 'Change the API server\'s endpoint access: public, private, and the CIDRs allowed'
complete -c eksup -n "__fish_eksup_using_subcommand help; and __fish_seen_subcommand_from utils" -f -a "update-authentication-mode" -d 'Move the cluster\'s authentication mode towards access entries (`API_AND_CONFIG_MAP`, `API`)'
complete -c eksup -n "__fish_eksup_using_subcommand help; and __fish_seen_subcommand_from utils" -f -a "associate-iam-oidc-provider" -d 'Create the IAM OIDC provider that lets the cluster\'s service accounts take IAM roles'
complete -c eksup -n "__fish_eksup_using_subcommand help; and __fish_seen_subcommand_from utils" -f -a "nodegroup-health" -d 'Show the health issues EKS reports for a managed node group'
complete -c eksup -n "__fish_eksup_using_subcommand help; and __fish_seen_subcommand_from utils" -f -a "describe-addon-versions" -d 'Show the add-on versions EKS offers for a Kubernetes version'
complete -c eksup -n "__fish_eksup_using_subcommand help; and __fish_seen_subcommand_from utils" -f -a "describe-cluster-versions" -d 'Show the Kubernetes versions EKS offers, with their support dates'
complete -c eksup -n "__fish_eksup_using_subcommand help; and __fish_seen_subcommand_from ecr" -f -a "login" -d 'Log Docker in to the account\'s registry'
