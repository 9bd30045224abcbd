//! kubeconfig (in progress)
