//! cloud (in progress)
