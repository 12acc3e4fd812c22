"""Documents issued from an assessment: statement of compliance, consumer label."""
