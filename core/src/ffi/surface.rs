//! The methods every binding offers, declared once: name, documentation, arguments, the defaults
//! of those that may be left out, and the core call each one forwards to. The bindings project
//! these declarations into their languages (`resource_surface!(vehicles, project!(...))`), so a
//! method's name, arguments and docs cannot drift between Python, Node, Kotlin and Swift.
//!
//! Each resource hands its projector:
//!
//! ```text
//! (context the binding passed through)
//! "Resource docs, one literal per line."
//! Vehicles(vehicles) {
//!     "Method docs."
//!     fn get(customer_id: CustomerId, vehicle_id: VehicleId) -> Vehicle =
//!         get(&customer_id, &vehicle_id);
//!     "Arguments after `;` are keyword-only in Python; `= None` may be left out everywhere."
//!     fn lookup(customer_id: CustomerId; plate: String, code: Option<String> = None) -> X =
//!         lookup(&customer_id, &plate, code.as_deref());
//! }
//! records {
//!     "Methods taking a core record whole, after `;`: Python takes its fields as keyword"
//!     "arguments instead (`record_fields!`)."
//!     fn create(customer_id: CustomerId; vehicle: NewVehicle) -> Vehicle =
//!         create(&customer_id, vehicle);
//! }
//! kinds {
//!     "Optional: one method per kind of a union, as in `records`, for the languages without"
//!     "sum types (Python, Node); Kotlin and Swift take the union itself."
//! }
//! ```
//!
//! `Vehicles` is the core type and the class name, `vehicles` the client's accessor. A call may
//! end in one `.method()` applied to its awaited result. Types are named bare: a projector's
//! module imports them from this crate. Methods whose shape is a language's own (payments, waits,
//! JSON values) stay in the bindings, listed in their parity files.

/// Hands one resource's declared surface to `$projector!`, after the `$context` tokens.
#[doc(hidden)]
#[macro_export]
macro_rules! resource_surface {
    (addresses, $projector:ident!($($context:tt)*)) => { $projector! { ($($context)*)
        "The address register (UAVT): city → district → town → neighbourhood → street → building"
        "→ apartment, each level listed by the reference of the one above, as a DASK or konut"
        "form needs."
        Addresses(addresses) {
            "Every city."
            fn cities() -> Vec<Reference> = cities();
            "The districts of a city."
            fn districts(city_reference: String) -> Vec<Reference> = districts(&city_reference);
            "The towns (belde/köy) of a district."
            fn towns(district_reference: String) -> Vec<Reference> = towns(&district_reference);
            "The neighbourhoods of a town."
            fn neighbourhoods(town_reference: String) -> Vec<Reference> =
                neighbourhoods(&town_reference);
            "The streets of a neighbourhood."
            fn streets(neighbourhood_reference: String) -> Vec<Reference> =
                streets(&neighbourhood_reference);
            "The buildings of a street."
            fn buildings(street_reference: String) -> Vec<Reference> = buildings(&street_reference);
            "The apartments (flats) of a building; their values are UAVT numbers."
            fn apartments(building_reference: String) -> Vec<Reference> =
                apartments(&building_reference);
            "The address a UAVT number names."
            fn of_property_number(property_number: i64) -> PropertyAddress =
                of_property_number(property_number);
        }
        records {}
    } };

    (agent_branches, $projector:ident!($($context:tt)*)) => { $projector! { ($($context)*)
        "The agency's branches and their hierarchy (`/api/agent-branches`)."
        AgentBranches(agent_branches) {
            "Every branch of the agency."
            fn list() -> Vec<AgentBranch> = list();
            "The hierarchy: every branch with its depth, ancestors and children, depth first."
            fn tree() -> Vec<AgentBranchNode> = tree().nodes();
            "A branch by id."
            fn get(agent_branch_id: AgentBranchId) -> AgentBranch = get(&agent_branch_id);
            "Deletes a branch."
            fn delete(agent_branch_id: AgentBranchId) -> () = delete(&agent_branch_id);
        }
        records {
            "Creates a branch (under its parent branch when it names one) and returns it."
            fn create(; branch: NewAgentBranch) -> AgentBranch = create(branch);
            "Renames or moves a branch."
            fn update(agent_branch_id: AgentBranchId; branch: NewAgentBranch) -> AgentBranch =
                update(&agent_branch_id, branch);
        }
    } };

    (cases, $projector:ident!($($context:tt)*)) => { $projector! { ($($context)*)
        "Cases (`/api/cases`): the CRM record of a sale opportunity, a cancellation, an"
        "endorsement or a complaint. `case_ref` is a case's id or its reference (`SF-2026-001234`)."
        Cases(cases) {
            "A case by id or by reference."
            fn get(case_ref: String) -> Case = get(&case_ref);
            "The customer's newest open sale opportunity for the branch, if there is one."
            fn find_open_sale_opportunity(; customer_id: CustomerId, product_branch: ProductBranch)
                -> Option<Case> = find_open_sale_opportunity(&customer_id, product_branch);
            "The customer's open sale opportunity for the branch, opened now (through `channel`,"
            "`API` when left out) if there is none. Calls for the same customer and branch through"
            "one client never open two."
            fn ensure_sale_opportunity(; customer_id: CustomerId, product_branch: ProductBranch,
                channel: Option<Channel> = None) -> Case = ensure_sale_opportunity(
                    &customer_id, product_branch, channel.unwrap_or(Channel::Api));
            "Assigns the agent user working the case; no user clears it."
            fn set_representative(case_ref: String, agent_user_id: Option<UserId>) -> () =
                set_representative(&case_ref, agent_user_id.as_ref());
            "Adds a note to the case."
            fn add_note(case_ref: String, note: String) -> () = add_note(&case_ref, &note);
            "Changes the channel the case came through."
            fn set_channel(case_ref: String, channel: Channel) -> () = set_channel(&case_ref, channel);
            "Moves the case to another state, with an optional note."
            fn set_state(case_ref: String, main_state: CaseMainState, sub_state: CaseSubState;
                note: Option<String> = None) -> () =
                set_state(&case_ref, main_state, sub_state, note.as_deref());
            "Attaches the vehicle or property the case is about."
            fn set_asset(case_ref: String, asset_type: AssetType, asset_id: String) -> () =
                set_asset(&case_ref, asset_type, &asset_id);
            "Assigns the case to an agency branch; no branch clears it."
            fn set_branch(case_ref: String, agent_branch_id: Option<AgentBranchId>) -> () =
                set_branch(&case_ref, agent_branch_id.as_ref());
            "What happened on the case, oldest first."
            fn activities(case_ref: String) -> Vec<CaseActivity> = activities(&case_ref);
            "The proposals made for the case."
            fn proposals(case_ref: String) -> Vec<CaseProposal> = proposals(&case_ref);
            "The policies the case produced or concerns."
            fn policies(case_ref: String) -> Vec<CasePolicy> = policies(&case_ref);
        }
        records {
            "Opens a sale opportunity and returns the case. Never sent twice; see"
            "`ensure_sale_opportunity` for the duplicate-safe flow."
            fn create_sale_opportunity(; opportunity: NewSaleOpportunity) -> Case =
                create_sale_opportunity(opportunity);
            "Opens a cross-sale opportunity (a new branch for a customer who holds a policy)."
            fn create_cross_sale_opportunity(; opportunity: NewCrossSaleOpportunity) -> Case =
                create_cross_sale_opportunity(opportunity);
            "Opens a cancellation case for a policy."
            fn create_cancel(; cancel: NewCancelCase) -> Case = create_cancel(cancel);
            "Opens an endorsement case for a policy."
            fn create_endorsement(; endorsement: NewEndorsementCase) -> Case =
                create_endorsement(endorsement);
            "Opens a complaint case."
            fn create_complaint(; complaint: NewComplaintCase) -> Case = create_complaint(complaint);
        }
    } };

    (customers, $projector:ident!($($context:tt)*)) => { $projector! { ($($context)*)
        "Customers (`/api/customers`): individuals (TCKN), companies (VKN) and foreign nationals,"
        "with their contact book, consents and the people looking after them."
        Customers(customers) {
            "A customer by id, or by TCKN/VKN."
            fn get(customer_id: CustomerId) -> Customer = get(&customer_id);
            "Deletes a customer."
            fn delete(customer_id: CustomerId) -> () = delete(&customer_id);
            "What the population registry knows about an individual (name, birth date, address)."
            fn lookup_individual(identity_number: String; birth_date: Option<String> = None)
                -> CustomerLookup = lookup_individual(&identity_number, birth_date.as_deref());
            "Every e-mail address of a customer, the primary one marked."
            fn emails(customer_id: CustomerId) -> Vec<CustomerEmailAddress> = emails(&customer_id);
            "Adds an e-mail address; a customer's first address becomes the primary one."
            fn add_email(customer_id: CustomerId, email: String) -> () =
                add_email(&customer_id, &email);
            "Removes an e-mail address (not the primary one)."
            fn remove_email(customer_id: CustomerId, email: String) -> () =
                remove_email(&customer_id, &email);
            "Makes one of the customer's e-mail addresses the primary one."
            fn make_email_primary(customer_id: CustomerId, email: String) -> () =
                make_email_primary(&customer_id, &email);
            "The customer's primary e-mail address."
            fn primary_email(customer_id: CustomerId) -> String = primary_email(&customer_id);
            "Makes `email` the primary address, adding it first if the customer lacks it."
            fn set_primary_email(customer_id: CustomerId, email: String) -> () =
                set_primary_email(&customer_id, &email);
            "Every phone number of a customer, the primary one marked."
            fn phone_numbers(customer_id: CustomerId) -> Vec<CustomerPhone> =
                phone_numbers(&customer_id);
            "Adds a Turkish phone number (`5321234567`, `+90 532 …`)."
            fn add_phone_number(customer_id: CustomerId, phone_number: String) -> () =
                add_phone_number(&customer_id, &phone_number);
            "Removes a phone number (not the primary one)."
            fn remove_phone_number(customer_id: CustomerId, phone_number: String) -> () =
                remove_phone_number(&customer_id, &phone_number);
            "Makes one of the customer's phone numbers the primary one."
            fn make_phone_number_primary(customer_id: CustomerId, phone_number: String) -> () =
                make_phone_number_primary(&customer_id, &phone_number);
            "The customer's primary phone number."
            fn primary_phone_number(customer_id: CustomerId) -> PhoneNumber =
                primary_phone_number(&customer_id);
            "Makes `phone_number` the primary number, adding it first if the customer lacks it."
            fn set_primary_phone_number(customer_id: CustomerId, phone_number: String) -> () =
                set_primary_phone_number(&customer_id, &phone_number);
            "Every address of a customer."
            fn addresses(customer_id: CustomerId) -> Vec<CustomerAddress> = addresses(&customer_id);
            "One address of a customer."
            fn address(customer_id: CustomerId, address_id: String) -> CustomerAddress =
                address(&customer_id, &address_id);
            "Adds the address a UAVT number names."
            fn add_address(customer_id: CustomerId, property_number: i64, address_type: AddressType)
                -> CustomerAddress = add_address(&customer_id, property_number, address_type);
            "Changes the type of one of the customer's addresses."
            fn update_address(customer_id: CustomerId, address_id: String, address_type: AddressType)
                -> CustomerAddress = update_address(&customer_id, &address_id, address_type);
            "Removes one of the customer's addresses."
            fn remove_address(customer_id: CustomerId, address_id: String) -> () =
                remove_address(&customer_id, &address_id);
            "Assigns the agent user looking after the customer; no user clears it."
            fn set_representative(customer_id: CustomerId, agent_user_id: Option<UserId>) -> () =
                set_representative(&customer_id, agent_user_id.as_ref());
            "Assigns the customer to an agency branch; no branch clears it."
            fn set_branch(customer_id: CustomerId, agent_branch_id: Option<AgentBranchId>) -> () =
                set_branch(&customer_id, agent_branch_id.as_ref());
            "The customer's KVKK and ETK consents with their history."
            fn consents(customer_id: CustomerId) -> CustomerConsents = consents(&customer_id);
            "Records a consent the customer gave, and through which channel."
            fn give_consent(customer_id: CustomerId, consent_type: ConsentType,
                channel: ConsentChannel) -> () = give_consent(&customer_id, consent_type, channel);
            "Records that the customer revoked a consent."
            fn revoke_consent(customer_id: CustomerId, consent_type: ConsentType) -> () =
                revoke_consent(&customer_id, consent_type);
            "The calls and contacts with the customer, of one case when `case_ref` is given."
            fn contacts(customer_id: CustomerId; case_ref: Option<String> = None)
                -> Vec<CustomerContact> = contacts(&customer_id, case_ref.as_deref());
            "Starts a contact (a call) with the customer."
            fn add_contact(customer_id: CustomerId) -> () = add_contact(&customer_id);
        }
        records {}
        kinds {
            "Creates an individual (TCKN) customer and returns it. Identity number, e-mail, phone"
            "and birth date are checked before anything is sent; never sent twice."
            fn create_individual(; customer: NewIndividualCustomer) -> Customer =
                create_individual(customer);
            "Creates a company (VKN) customer and returns it."
            fn create_company(; customer: NewCompanyCustomer) -> Customer = create_company(customer);
            "Creates a foreign customer and returns it."
            fn create_foreign(; customer: NewForeignCustomer) -> Customer = create_foreign(customer);
            "The agency's individual customer with this TCKN, created first if there is none. Safe"
            "to call again after any failure."
            fn ensure_individual(; customer: NewIndividualCustomer) -> Customer = ensure(customer);
            "The agency's company customer with this VKN, created first if there is none."
            fn ensure_company(; customer: NewCompanyCustomer) -> Customer = ensure(customer);
            "The agency's foreign customer with this identity number, created first if there is"
            "none."
            fn ensure_foreign(; customer: NewForeignCustomer) -> Customer = ensure(customer);
            "Replaces an individual customer's details."
            fn update_individual(customer_id: CustomerId; customer: NewIndividualCustomer) -> () =
                update(&customer_id, customer);
            "Replaces a company customer's details."
            fn update_company(customer_id: CustomerId; customer: NewCompanyCustomer) -> () =
                update(&customer_id, customer);
            "Replaces a foreign customer's details."
            fn update_foreign(customer_id: CustomerId; customer: NewForeignCustomer) -> () =
                update(&customer_id, customer);
        }
    } };

    (policies, $projector:ident!($($context:tt)*)) => { $projector! { ($($context)*)
        "Policies (`/api/policies`): read, sent, assigned, recorded by hand when bought elsewhere,"
        "and transferred from insurers' systems."
        Policies(policies) {
            "A policy."
            fn get(policy_id: PolicyId) -> Policy = get(&policy_id);
            "The policy document (a short-lived PDF URL)."
            fn document(policy_id: PolicyId) -> Document = document(&policy_id);
            "E-mails the policy document to the customer, or to `email` when given."
            fn send_document(policy_id: PolicyId; email: Option<String> = None) -> () =
                send_document(&policy_id, email.as_deref());
            "Assigns the agent user looking after the policy; no user clears it."
            fn set_representative(policy_id: PolicyId, agent_user_id: Option<UserId>) -> () =
                set_representative(&policy_id, agent_user_id.as_ref());
            "Assigns the policy to an agency branch."
            fn set_branch(policy_id: PolicyId, agent_branch_id: AgentBranchId) -> () =
                set_branch(&policy_id, &agent_branch_id);
            "Starts a transfer of the policies issued between two dates (`YYYY-MM-DD`)."
            fn create_transfer(start_date: String, end_date: String) -> PolicyTransfer =
                create_transfer(&start_date, &end_date);
            "A transfer by id."
            fn transfer(transfer_id: String) -> PolicyTransfer = transfer(&transfer_id);
            "Runs a transfer again."
            fn trigger_transfer(transfer_id: String) -> () = trigger_transfer(&transfer_id);
            "One run of a transfer."
            fn transfer_run(transfer_id: String, run_id: String) -> PolicyTransferRun =
                transfer_run(&transfer_id, &run_id);
        }
        records {
            "Records a policy bought elsewhere and returns it."
            fn create_manual(; policy: ManualPolicy) -> Policy = create_manual(policy);
            "Replaces the details of a policy recorded by hand."
            fn update_manual(policy_id: PolicyId; policy: ManualPolicy) -> Policy =
                update_manual(&policy_id, policy);
        }
    } };

    (properties, $projector:ident!($($context:tt)*)) => { $projector! { ($($context)*)
        "Properties (homes, workplaces) of customers (`/api/customers/{id}/properties`), for DASK"
        "and konut."
        Properties(properties) {
            "A property of a customer."
            fn get(customer_id: CustomerId, property_id: PropertyId) -> Property =
                get(&customer_id, &property_id);
            "Every property of a customer."
            fn list(customer_id: CustomerId) -> Vec<Property> = list(&customer_id);
            "Removes a property of a customer."
            fn delete(customer_id: CustomerId, property_id: PropertyId) -> () =
                delete(&customer_id, &property_id);
            "What a previous DASK policy says about the property it insured."
            fn lookup_dask_policy(dask_policy_number: i64) -> DaskPropertyLookup =
                lookup_dask_policy(dask_policy_number);
        }
        records {
            "Adds a property to a customer and returns it."
            fn create(customer_id: CustomerId; property: NewProperty) -> Property =
                create(&customer_id, property);
            "Replaces a property's details and returns it."
            fn update(customer_id: CustomerId, property_id: PropertyId; property: NewProperty)
                -> Property = update(&customer_id, &property_id, property);
        }
    } };

    (proposals, $projector:ident!($($context:tt)*)) => { $projector! { ($($context)*)
        "Proposals (`/api/proposals`): one quote request answered by every insurer the agency"
        "works with, each answer a product."
        Proposals(proposals) {
            "A proposal with its products."
            fn get(proposal_id: ProposalId) -> Proposal = get(&proposal_id);
            "The products of a proposal."
            fn products(proposal_id: ProposalId) -> Vec<Product> = products(&proposal_id);
            "One product of a proposal; how a purchase's outcome is checked."
            fn product(proposal_id: ProposalId, product_id: ProposalProductId) -> Product =
                product(&proposal_id, &product_id);
            "Insurer-side references of one premium (one payment, cash, when `installments` is"
            "left out)."
            fn premium_detail(proposal_id: ProposalId, product_id: ProposalProductId;
                installments: Option<u32> = None) -> PremiumDetail =
                premium_detail(&proposal_id, &product_id, installments);
            "The proposal document (a short-lived PDF URL) of a product."
            fn document(proposal_id: ProposalId, product_id: ProposalProductId) -> Document =
                document(&proposal_id, &product_id);
            "The pre-sale information form (a short-lived PDF URL) of a product."
            fn information_form(proposal_id: ProposalId, product_id: ProposalProductId)
                -> Document = information_form(&proposal_id, &product_id);
            "Asks a failed insurer again; the product goes back to waiting."
            fn retry_product(proposal_id: ProposalId, product_id: ProposalProductId) -> () =
                retry_product(&proposal_id, &product_id);
            "Asks every insurer again with other coverage groups; returns the revised proposal."
            fn revise(proposal_id: ProposalId, coverage_group_ids: Vec<CoverageGroupId>)
                -> Proposal = revise(&proposal_id, coverage_group_ids);
            "A PDF comparing products side by side, without the coverage fields named."
            fn compare_pdf(proposal_id: ProposalId, product_ids: Vec<ProposalProductId>;
                excluded_coverage_fields: Option<Vec<String>> = None) -> Document = compare_pdf(
                    &proposal_id, &product_ids, &excluded_coverage_fields.unwrap_or_default());
            "Assigns the agent user looking after the proposal; no user clears it."
            fn set_representative(proposal_id: ProposalId, agent_user_id: Option<UserId>) -> () =
                set_representative(&proposal_id, agent_user_id.as_ref());
            "Assigns the proposal to an agency branch; no branch clears it."
            fn set_branch(proposal_id: ProposalId, agent_branch_id: Option<AgentBranchId>) -> () =
                set_branch(&proposal_id, agent_branch_id.as_ref());
        }
        records {
            "Requests a proposal from every insurer and returns it at once; products arrive over"
            "the next seconds (see `wait` and `watch`). Never sent twice."
            fn create(; proposal: NewProposal) -> Proposal = create(proposal);
            "Sends a product's proposal document to the customer by e-mail or SMS."
            fn send_document(proposal_id: ProposalId, product_id: ProposalProductId,
                customer_id: CustomerId; recipient: DocumentRecipient) -> () =
                send_document(&proposal_id, &product_id, &customer_id, &recipient);
            "Sends a product's information form to the customer by e-mail or SMS."
            fn send_information_form(proposal_id: ProposalId, product_id: ProposalProductId,
                customer_id: CustomerId; recipient: DocumentRecipient) -> () =
                send_information_form(&proposal_id, &product_id, &customer_id, &recipient);
            "Sends the comparison PDF to the customer by e-mail or SMS."
            fn send_compare_pdf(proposal_id: ProposalId, product_ids: Vec<ProposalProductId>,
                excluded_coverage_fields: Vec<String>, customer_id: CustomerId;
                recipient: DocumentRecipient) -> () = send_compare_pdf(&proposal_id,
                    &product_ids, &excluded_coverage_fields, &customer_id, &recipient);
        }
        kinds {
            "Requests a kasko (comprehensive motor) proposal for a customer's vehicle."
            fn create_kasko(; proposal: VehicleProposal) -> Proposal =
                create(proposal.into_proposal(ProductBranch::Kasko));
            "Requests a trafik (compulsory motor liability) proposal."
            fn create_trafik(; proposal: VehicleProposal) -> Proposal =
                create(proposal.into_proposal(ProductBranch::Trafik));
            "Requests an İMM (voluntary motor liability) proposal."
            fn create_imm(; proposal: VehicleProposal) -> Proposal =
                create(proposal.into_proposal(ProductBranch::Imm));
            "Requests a DASK (compulsory earthquake) proposal for a customer's property."
            fn create_dask(; proposal: PropertyProposal) -> Proposal =
                create(proposal.into_proposal(ProductBranch::Dask));
            "Requests a konut (home) proposal for a customer's property."
            fn create_konut(; proposal: PropertyProposal) -> Proposal =
                create(proposal.into_proposal(ProductBranch::Konut));
        }
    } };

    (reference, $projector:ident!($($context:tt)*)) => { $projector! { ($($context)*)
        "Reference data: vehicle brands and models, coverage groups, insurers, the signed-in user"
        "and the agency's branches."
        ReferenceData(reference) {
            "Vehicle brands."
            fn vehicle_brands() -> Vec<Reference> = vehicle_brands();
            "Models of a brand for a model year."
            fn vehicle_models(; brand_reference: String, year: u32) -> Vec<Reference> =
                vehicle_models(&brand_reference, year);
            "The agency's coverage groups."
            fn coverage_groups() -> Vec<CoverageGroup> = coverage_groups();
            "One coverage group."
            fn coverage_group(coverage_group_id: CoverageGroupId) -> CoverageGroup =
                coverage_group(&coverage_group_id);
            "Insurance companies."
            fn insurance_companies() -> Vec<InsuranceCompany> = insurance_companies();
            "The signed-in agent user."
            fn me() -> AgentUser = me();
            "The agency's branches."
            fn agent_branches() -> Vec<AgentBranch> = agent_branches();
        }
        records {}
    } };

    (vehicles, $projector:ident!($($context:tt)*)) => { $projector! { ($($context)*)
        "Vehicles of customers (`/api/customers/{id}/vehicles`)."
        Vehicles(vehicles) {
            "A vehicle of a customer."
            fn get(customer_id: CustomerId, vehicle_id: VehicleId) -> Vehicle =
                get(&customer_id, &vehicle_id);
            "Every vehicle of a customer."
            fn list(customer_id: CustomerId) -> Vec<Vehicle> = list(&customer_id);
            "Deletes a vehicle."
            fn delete(customer_id: CustomerId, vehicle_id: VehicleId) -> () =
                delete(&customer_id, &vehicle_id);
            "What the vehicle registry (tramer) knows about a plate: brand, model, year, fuel, …"
            fn lookup(customer_id: CustomerId; plate: String,
                document_serial_code: Option<String> = None,
                document_serial_number: Option<String> = None) -> VehicleLookup = lookup(
                    &customer_id, &plate, document_serial_code.as_deref(),
                    document_serial_number.as_deref());
            "The vehicle model a brand code (kasko code) names."
            fn model_by_brand_code(brand_code: String) -> VehicleModel =
                model_by_brand_code(&brand_code);
        }
        records {
            "Adds a vehicle to a customer and returns it. Brand, model and year left out are"
            "filled from the vehicle registry (tramer) first."
            fn create(customer_id: CustomerId; vehicle: NewVehicle) -> Vehicle =
                create(&customer_id, vehicle);
            "The customer's vehicle with this plate, added first (as `create` does) if the"
            "customer has none: quoting the same vehicle again never adds it twice."
            fn ensure(customer_id: CustomerId; vehicle: NewVehicle) -> Vehicle =
                ensure(&customer_id, vehicle);
            "Replaces a vehicle's details and returns it."
            fn update(customer_id: CustomerId, vehicle_id: VehicleId; vehicle: NewVehicle)
                -> Vehicle = update(&customer_id, &vehicle_id, vehicle);
        }
    } };

    (webhooks, $projector:ident!($($context:tt)*)) => { $projector! { ($($context)*)
        "Webhook subscriptions (`/api/webhooks`) and their deliveries."
        Webhooks(webhooks) {
            "Every webhook of the agency."
            fn list() -> Vec<Webhook> = list();
            "One webhook."
            fn get(webhook_id: WebhookId) -> Webhook = get(&webhook_id);
            "Deletes a webhook."
            fn delete(webhook_id: WebhookId) -> () = delete(&webhook_id);
            "One delivery of a webhook."
            fn delivery(webhook_id: WebhookId, delivery_id: WebhookDeliveryId) -> WebhookDelivery =
                delivery(&webhook_id, &delivery_id);
            "Sends a delivery again."
            fn redeliver(webhook_id: WebhookId, delivery_id: WebhookDeliveryId) -> () =
                redeliver(&webhook_id, &delivery_id);
        }
        records {
            "Subscribes a URL to events and returns the webhook. Keep its secret: deliveries are"
            "signed with it and the API never returns it."
            fn create(; webhook: NewWebhook) -> Webhook = create(webhook);
            "Replaces a webhook's URL, events, branches and secret."
            fn update(webhook_id: WebhookId; webhook: NewWebhook) -> Webhook =
                update(&webhook_id, webhook);
        }
    } };
}

/// [`resource_surface!`] for every resource, each with the same projector and context: how the
/// bindings that need no per-resource context declare them all.
#[doc(hidden)]
#[macro_export]
macro_rules! every_resource_surface {
    ($projector:ident!($($context:tt)*)) => {
        $crate::resource_surface!(addresses, $projector!($($context)*));
        $crate::resource_surface!(agent_branches, $projector!($($context)*));
        $crate::resource_surface!(cases, $projector!($($context)*));
        $crate::resource_surface!(customers, $projector!($($context)*));
        $crate::resource_surface!(policies, $projector!($($context)*));
        $crate::resource_surface!(properties, $projector!($($context)*));
        $crate::resource_surface!(proposals, $projector!($($context)*));
        $crate::resource_surface!(reference, $projector!($($context)*));
        $crate::resource_surface!(vehicles, $projector!($($context)*));
        $crate::resource_surface!(webhooks, $projector!($($context)*));
    };
}

/// Hands the GraphQL lists to `$projector!`, after the `$context` tokens: for each list its docs,
/// its name (the method reading one page in Rust and Kotlin/Swift, rows in Python and Node), its
/// row and page types (`insurup::graphql`), the core methods opening its rows
/// (`RowCursor`) and its pages (`GraphqlPages`), and the names of a binding's row and page
/// classes. A list the core adds here reaches every language.
#[doc(hidden)]
#[macro_export]
macro_rules! graphql_lists {
    ($projector:ident!($($context:tt)*)) => { $projector! { ($($context)*)
        "Customers (`customersNew`)."
        customers(CustomerRow, CustomerPage) = customer_rows, customer_pages;
            CustomerRows, CustomerPages;
        "Proposals (`proposalsNew`)."
        proposals(ProposalRow, ProposalPage) = proposal_rows, proposal_pages;
            ProposalRows, ProposalPages;
        "Policies (`policiesNew`)."
        policies(PolicyRow, PolicyPage) = policy_rows, policy_pages; PolicyRows, PolicyPages;
        "Cases (`casesNew`)."
        cases(CaseRow, CasePage) = case_rows, case_pages; CaseRows, CasePages;
        "Policies with their customer, asset and insurer details (`policiesExpanded`)."
        policies_expanded(ExpandedPolicyRow, ExpandedPolicyPage) =
            policies_expanded_rows, policies_expanded_pages;
            ExpandedPolicyRows, ExpandedPolicyPages;
        "The agency's users (`agentUsersNew`)."
        agent_users(AgentUserRow, AgentUserPage) = agent_user_rows, agent_user_pages;
            AgentUserRows, AgentUserPages;
        "Policy transfers (`policyTransfersNew`)."
        policy_transfers(PolicyTransferRow, PolicyTransferPage) =
            policy_transfer_rows, policy_transfer_pages;
            PolicyTransferRows, PolicyTransferPages;
        "Webhook deliveries (`webhookDeliveriesNew`)."
        webhook_deliveries(WebhookDeliveryRow, WebhookDeliveryPage) =
            webhook_delivery_rows, webhook_delivery_pages;
            WebhookDeliveryRows, WebhookDeliveryPages;
    } };
}

/// Hands the client's own surface to `$projector!`, after the `$context` tokens: its resources
/// (docs, the accessor, the class), what it was configured with (docs, name, type, and the core
/// call giving the value, fixed for the client's life), and the calls it forwards, in the form
/// of [`resource_surface!`]'s methods.
#[doc(hidden)]
#[macro_export]
macro_rules! client_surface {
    ($projector:ident!($($context:tt)*)) => { $projector! { ($($context)*)
        resources {
            "Customers: individuals, companies and foreign nationals." customers: Customers;
            "Vehicles of customers." vehicles: Vehicles;
            "Properties of customers." properties: Properties;
            "Cases: sale opportunities, cancellations, endorsements, complaints." cases: Cases;
            "Proposals and their products." proposals: Proposals;
            "Buying products." purchase: Purchases;
            "Policies." policies: Policies;
            "Reference data: brands, models, coverage groups, insurers, branches."
                reference: ReferenceData;
            "Webhook subscriptions and deliveries." webhooks: Webhooks;
            "GraphQL lists: one page, or every row a page at a time." graphql: Graphql;
            "The address register (UAVT), level by level." addresses: Addresses;
            "The agency's branches and their hierarchy." agent_branches: AgentBranches;
        }
        getters {
            "The API base URL." base_url: String = base_url().to_owned();
            "The OAuth server that issues service-account tokens." auth_url: String =
                auth_url().to_owned();
            "The agency id the client was configured with." agent_id: Option<AgentId> =
                agent_id().cloned();
            "The branch the client produces for by default." agent_branch_id: Option<AgentBranchId> =
                agent_branch_id().cloned();
            "The `User-Agent` every request carries (`insurup-<language>/… <runtime>/… insurup-rust/…`)."
                user_agent: String = user_agent().to_owned();
        }
        methods {
            "Logs in now (or loads stored tokens) instead of on the first call, to surface"
            "credential and 2FA problems at start-up."
            fn sign_in() -> () = sign_in();
            "Forgets the session's tokens, here and in the token store; a user signed in through"
            "OAuth has its tokens revoked at the server first."
            fn sign_out() -> () = sign_out();
            "Completes the sign-in from the callback URL the browser was sent to."
            fn complete_sign_in(callback_url: String) -> () = complete_sign_in(&callback_url);
            "Starts a user's OAuth sign-in (`client_id` + `redirect_uri`): the URL to open in the"
            "user's browser, and the `state` its callback carries back."
            fn start_sign_in() -> SignInRequest = start_sign_in().request();
        }
    } };
}

/// Hands the fields of a record a `records` method takes (and of `ClientOptions`, which a client
/// is built from) to `$projector!`, after the `$context` tokens, each with `= None` where it may
/// be left out: Python takes them as keyword arguments.
/// The test below builds each record from exactly these fields, so a field added to a record and
/// not here fails to compile.
#[doc(hidden)]
#[macro_export]
macro_rules! record_fields {
    (ClientOptions, $projector:ident!($($context:tt)*)) => { $projector! { ($($context)*)
        base_url: Option<String> = None, auth_url: Option<String> = None,
        email: Option<String> = None, password: Option<Secret> = None,
        client_id: Option<String> = None, client_secret: Option<Secret> = None,
        access_token: Option<Secret> = None, redirect_uri: Option<String> = None,
        scopes: Option<Vec<String>> = None, agent_id: Option<AgentId> = None,
        agent_branch_id: Option<AgentBranchId> = None, timeout: Option<f64> = None,
        connect_timeout: Option<f64> = None, max_retries: Option<u32> = None,
        two_factor_timeout: Option<f64> = None, purchase_confirmation_window: Option<f64> = None,
        max_response_bytes: Option<u32> = None, dialect: Option<String> = None,
        real_time: Option<String> = None
    } };
    (NewAgentBranch, $projector:ident!($($context:tt)*)) => { $projector! { ($($context)*)
        name: String, parent_branch_id: Option<AgentBranchId> = None
    } };
    (NewWebhook, $projector:ident!($($context:tt)*)) => { $projector! { ($($context)*)
        url: String, events: Vec<WebhookEvent>, secret: Option<Secret> = None,
        agent_branch_ids: Option<Vec<AgentBranchId>> = None
    } };
    (NewProperty, $projector:ident!($($context:tt)*)) => { $projector! { ($($context)*)
        property_number: i64, square_meter: u32, construction_year: u32,
        utilization_style: Option<PropertyUtilizationStyle> = None,
        ownership_type: Option<PropertyOwnershipType> = None, floor: Option<i32> = None
    } };
    (ManualPolicy, $projector:ident!($($context:tt)*)) => { $projector! { ($($context)*)
        policy_number: String, insurance_company_id: i64, product_branch: ProductBranch,
        customer_id: CustomerId, start_date: String, end_date: String,
        premium: Option<f64> = None
    } };
    (NewVehicle, $projector:ident!($($context:tt)*)) => { $projector! { ($($context)*)
        plate: String, document_serial_code: Option<String> = None,
        document_serial_number: Option<String> = None, model_year: Option<u32> = None,
        brand_reference: Option<String> = None, model_type_reference: Option<String> = None,
        utilization_style: Option<VehicleUtilizationStyle> = None,
        fuel: Option<VehicleFuel> = None, engine_number: Option<String> = None,
        chassis_number: Option<String> = None, registration_date: Option<String> = None,
        seat_number: Option<u32> = None
    } };
    (NewSaleOpportunity, $projector:ident!($($context:tt)*)) => { $projector! { ($($context)*)
        customer_id: CustomerId, product_branch: ProductBranch, channel: Option<Channel> = None,
        asset_type: Option<AssetType> = None, asset_id: Option<String> = None,
        agent_branch_id: Option<AgentBranchId> = None
    } };
    (NewCrossSaleOpportunity, $projector:ident!($($context:tt)*)) => { $projector! { ($($context)*)
        source_case_id: CaseId, customer_id: CustomerId, product_branch: ProductBranch,
        channel: Option<Channel> = None, asset_type: Option<AssetType> = None,
        asset_id: Option<String> = None
    } };
    (NewCancelCase, $projector:ident!($($context:tt)*)) => { $projector! { ($($context)*)
        policy_id: PolicyId, sub_type: CaseSubType, channel: Option<Channel> = None
    } };
    (NewEndorsementCase, $projector:ident!($($context:tt)*)) => { $projector! { ($($context)*)
        policy_id: PolicyId, sub_type: CaseSubType, channel: Option<Channel> = None
    } };
    (NewComplaintCase, $projector:ident!($($context:tt)*)) => { $projector! { ($($context)*)
        customer_id: CustomerId, sub_type: CaseSubType, channel: Option<Channel> = None,
        product_branch: Option<ProductBranch> = None, asset_type: Option<AssetType> = None,
        asset_id: Option<String> = None
    } };
    (NewIndividualCustomer, $projector:ident!($($context:tt)*)) => { $projector! { ($($context)*)
        identity_number: String, birth_date: Option<String> = None,
        full_name: Option<String> = None, email: Option<String> = None,
        phone_number: Option<String> = None, gender: Option<Gender> = None,
        agent_branch_id: Option<AgentBranchId> = None
    } };
    (NewCompanyCustomer, $projector:ident!($($context:tt)*)) => { $projector! { ($($context)*)
        tax_number: String, title: String, email: Option<String> = None,
        phone_number: Option<String> = None, agent_branch_id: Option<AgentBranchId> = None
    } };
    (NewForeignCustomer, $projector:ident!($($context:tt)*)) => { $projector! { ($($context)*)
        identity_number: String, birth_date: String, full_name: Option<String> = None,
        email: Option<String> = None, phone_number: Option<String> = None,
        agent_branch_id: Option<AgentBranchId> = None
    } };
    (VehicleProposal, $projector:ident!($($context:tt)*)) => { $projector! { ($($context)*)
        customer_id: CustomerId, vehicle_id: VehicleId,
        insured_customer_id: Option<CustomerId> = None,
        coverage_group_ids: Option<Vec<CoverageGroupId>> = None, channel: Option<Channel> = None,
        agent_branch_id: Option<AgentBranchId> = None, policy_start_date: Option<String> = None
    } };
    (PropertyProposal, $projector:ident!($($context:tt)*)) => { $projector! { ($($context)*)
        customer_id: CustomerId, property_id: PropertyId,
        insured_customer_id: Option<CustomerId> = None,
        coverage_group_ids: Option<Vec<CoverageGroupId>> = None, channel: Option<Channel> = None,
        agent_branch_id: Option<AgentBranchId> = None, policy_start_date: Option<String> = None
    } };
    (DocumentRecipient, $projector:ident!($($context:tt)*)) => { $projector! { ($($context)*)
        email: Option<String> = None, phone_number: Option<String> = None
    } };
    (NewProposal, $projector:ident!($($context:tt)*)) => { $projector! { ($($context)*)
        product_branch: ProductBranch, insurer_customer_id: CustomerId,
        insured_customer_id: Option<CustomerId> = None, vehicle_id: Option<VehicleId> = None,
        property_id: Option<PropertyId> = None,
        coverage_group_ids: Option<Vec<CoverageGroupId>> = None,
        channel: Option<Channel> = None, agent_branch_id: Option<AgentBranchId> = None,
        policy_start_date: Option<String> = None
    } };
}

#[cfg(test)]
mod tests {
    #[allow(clippy::wildcard_imports)]
    use crate::*;

    /// A closure building `$record` from exactly the declared fields, typed as declared.
    macro_rules! builds {
        (($record:ident) $($field:ident: $field_type:ty $(= $default:tt)?),+) => {
            let _ = |$($field: $field_type),+| $record { $($field),+ };
        };
    }

    #[test]
    fn every_record_declares_exactly_its_fields() {
        record_fields!(ClientOptions, builds!(ClientOptions));
        record_fields!(NewAgentBranch, builds!(NewAgentBranch));
        record_fields!(NewWebhook, builds!(NewWebhook));
        record_fields!(NewProperty, builds!(NewProperty));
        record_fields!(ManualPolicy, builds!(ManualPolicy));
        record_fields!(NewVehicle, builds!(NewVehicle));
        record_fields!(NewSaleOpportunity, builds!(NewSaleOpportunity));
        record_fields!(NewCrossSaleOpportunity, builds!(NewCrossSaleOpportunity));
        record_fields!(NewCancelCase, builds!(NewCancelCase));
        record_fields!(NewEndorsementCase, builds!(NewEndorsementCase));
        record_fields!(NewComplaintCase, builds!(NewComplaintCase));
        record_fields!(NewIndividualCustomer, builds!(NewIndividualCustomer));
        record_fields!(NewCompanyCustomer, builds!(NewCompanyCustomer));
        record_fields!(NewForeignCustomer, builds!(NewForeignCustomer));
        record_fields!(VehicleProposal, builds!(VehicleProposal));
        record_fields!(PropertyProposal, builds!(PropertyProposal));
        record_fields!(DocumentRecipient, builds!(DocumentRecipient));
        record_fields!(NewProposal, builds!(NewProposal));
    }
}
