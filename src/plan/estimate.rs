//! Typical AWS durations.
