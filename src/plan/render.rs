//! Rendering plans.
