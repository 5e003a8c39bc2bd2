#[allow(clippy::wildcard_imports)]
use insurup::*;

use super::resource;

insurup::resource_surface!(
    policies,
    resource!(AsyncPolicies {
        /// Records a policy bought elsewhere and returns it.
        fn create_manual(; policy_number: String, insurance_company_id: i64,
            product_branch: ProductBranch, customer_id: CustomerId, start_date: String,
            end_date: String, premium: Option<f64> = None)
            -> Policy = |client, policy: ManualPolicy| client.policies().create_manual(policy);

        /// Replaces the details of a policy recorded by hand.
        fn update_manual(policy_id: PolicyId; policy_number: String, insurance_company_id: i64,
            product_branch: ProductBranch, customer_id: CustomerId, start_date: String,
            end_date: String, premium: Option<f64> = None)
            -> Policy = |client, policy: ManualPolicy| client.policies().update_manual(&policy_id, policy);
    })
);
