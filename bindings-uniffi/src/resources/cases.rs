use insurup::{Case, Channel, CustomerId, NewSaleOpportunity, ProductBranch};

forward! {
    /// Cases (`/api/cases`): the CRM record of a sale opportunity.
    Cases(insurup::Cases) {
        /// Opens a sale opportunity and returns the case. Never retried once sent; see
        /// `ensure_sale_opportunity` for the duplicate-safe flow.
        create_sale_opportunity(opportunity: NewSaleOpportunity) -> Case = create_sale_opportunity(opportunity);
        /// A case by id or by reference (`SF-2026-001234`).
        get(id_or_ref: String) -> Case = get(&id_or_ref);
        /// The customer's newest open sale opportunity for `branch`, if any.
        find_open_sale_opportunity(customer_id: CustomerId, branch: ProductBranch) -> Option<Case> = find_open_sale_opportunity(&customer_id, branch);
        /// The customer's open sale opportunity for `branch`, opened now if there is none. Calls for
        /// the same customer and branch through one client never open two.
        ensure_sale_opportunity(customer_id: CustomerId, branch: ProductBranch, channel: Channel) -> Case = ensure_sale_opportunity(&customer_id, branch, channel);
    }
}
