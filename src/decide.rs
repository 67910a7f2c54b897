//! Decide (placeholder).
pub(crate) struct Plan;
pub(crate) fn decide(_d: &crate::measure::Doc, _o: &crate::Options) -> Plan { Plan }
