//! The calls a CRM makes through the vendor's generated TypeScript client (`@insurup/sdk`), as
//! that client sends them: its GraphQL list queries with their variable types and default
//! selections (its `ALL_*_FIELDS`), and its REST paths and bodies. In the vendor-sdk dialect every
//! one of them must succeed. The GraphQL docs' example queries must run in theirs.

use insurup_sandbox::Dialect;
use serde_json::{Value, json};

use super::assert_ran;
use crate::common::*;

/// Builds a selection from dot paths, as the client's `buildFieldSelection` does.
fn selection(fields: &[&str]) -> String {
    let mut simple = Vec::new();
    let mut nested: Vec<(&str, Vec<&str>)> = Vec::new();
    for field in fields {
        match field.split_once('.') {
            Some((parent, child)) => match nested.iter_mut().find(|(p, _)| *p == parent) {
                Some((_, children)) => children.push(child),
                None => nested.push((parent, vec![child])),
            },
            None => simple.push(*field),
        }
    }
    let mut out = simple.join(" ");
    for (parent, children) in nested {
        out.push_str(&format!(" {parent} {{ {} }}", children.join(" ")));
    }
    out
}

/// The client's list query: every argument declared, `edges { cursor node }`, `totalCount`.
fn vendor_query(field: &str, model: &str, fields: &[&str]) -> String {
    format!(
        "query List($first: Int $after: String $last: Int $before: String \
         $search: searching_{model}FilterInput $filter: filtering_{model}FilterInput \
         $order: [sorting_{model}SortInput!]) {{ {field}(first: $first after: $after last: $last \
         before: $before search: $search filter: $filter order: $order) {{ pageInfo {{ hasNextPage \
         hasPreviousPage startCursor endCursor }} totalCount edges {{ cursor node {{ {} }} }} }} }}",
        selection(fields)
    )
}

const CUSTOMER_FIELDS: &[&str] = &[
    "agentBranchId",
    "id",
    "name",
    "identityNumber",
    "taxNumber",
    "type",
    "primaryEmail",
    "primaryPhoneNumber",
    "primaryPhoneNumberCountryCode",
    "cityText",
    "cityValue",
    "districtText",
    "districtValue",
    "createdAt",
    "birthDate",
    "gender",
    "educationStatus",
    "nationality",
    "maritalStatus",
    "job",
    "passportNumber",
    "searchScore",
    "agentBranch.id",
    "agentBranch.name",
    "agentBranch.parentId",
    "agentBranch.parentName",
    "consents.consentType",
    "consents.isActive",
];

const PROPOSAL_FIELDS: &[&str] = &[
    "agentBranchId",
    "id",
    "productBranch",
    "state",
    "insurerCustomerId",
    "insuredCustomerId",
    "productsCount",
    "succeedProductsCount",
    "createdAt",
    "successRate",
    "insuredCustomerName",
    "insuredCustomerIdentityNumber",
    "insuredCustomerTaxNumber",
    "insuredCustomerType",
    "lowestPremium",
    "highestPremium",
    "channel",
    "insuredCustomerCityText",
    "insuredCustomerCityValue",
    "insuredCustomerDistrictText",
    "insuredCustomerDistrictValue",
    "insuredCustomerPhoneNumber",
    "insuredCustomerPhoneNumberCountryCode",
    "insuredCustomerEmail",
    "vehiclePlateCode",
    "vehiclePlateCity",
    "vehicleDocumentSerialCode",
    "vehicleDocumentSerialNumber",
    "vehicleModelBrandText",
    "vehicleModelBrandValue",
    "vehicleModelTypeText",
    "vehicleModelTypeValue",
    "vehicleModelYear",
    "vehicleFuelType",
    "utilizationStyle",
    "insuredCustomerBirthDate",
    "vehicleId",
    "propertyId",
    "agentBranch.id",
    "agentBranch.name",
    "agentBranch.parentId",
    "agentBranch.parentName",
    "agentUserCreatedBy.id",
    "agentUserCreatedBy.name",
    "agentUserCreatedBy.email",
    "agentUserCreatedBy.userType",
];

const POLICY_FIELDS: &[&str] = &[
    "agentBranchId",
    "id",
    "insurerCustomerId",
    "insuredCustomerId",
    "installmentNumber",
    "productBranch",
    "netPremium",
    "grossPremium",
    "commission",
    "paymentType",
    "currency",
    "insuranceCompanyProposalNumber",
    "insuranceCompanyPolicyNumber",
    "createdAt",
    "startDate",
    "endDate",
    "arrangementDate",
    "insuredCustomerName",
    "insuredCustomerIdentityNumber",
    "insuredCustomerTaxNumber",
    "insuredCustomerType",
    "insuredCustomerCityText",
    "insuredCustomerCityValue",
    "insuredCustomerDistrictText",
    "insuredCustomerDistrictValue",
    "insuredCustomerBirthDate",
    "insurerCustomerName",
    "insurerCustomerIdentityNumber",
    "insurerCustomerTaxNumber",
    "insurerCustomerCityText",
    "insurerCustomerCityValue",
    "insurerCustomerDistrictText",
    "insurerCustomerDistrictValue",
    "insurerCustomerBirthDate",
    "vehiclePlateCode",
    "vehiclePlateCity",
    "vehicleDocumentSerialCode",
    "vehicleDocumentSerialNumber",
    "vehicleModelBrandText",
    "vehicleModelBrandValue",
    "vehicleModelTypeText",
    "vehicleModelTypeValue",
    "vehicleModelYear",
    "vehicleFuelType",
    "productId",
    "productName",
    "insuranceCompanyId",
    "insuranceCompanyName",
    "insuranceCompanyLogo",
    "state",
    "propertyNumber",
    "daskOldPolicyNumber",
    "daskPolicyNumber",
    "vehicleId",
    "propertyId",
    "channel",
    "campaign",
    "agentBranch.id",
    "agentBranch.name",
    "agentBranch.parentId",
    "agentBranch.parentName",
    "createdBy.id",
    "createdBy.name",
    "createdBy.email",
    "createdBy.userType",
    "representedBy.id",
    "representedBy.name",
    "representedBy.email",
    "representedBy.userType",
];

const CASE_FIELDS: &[&str] = &[
    "agentBranchId",
    "id",
    "ref",
    "type",
    "status",
    "cancelSubType",
    "saleOpportunitySubType",
    "endorsementSubType",
    "complaintSubType",
    "mainState",
    "subState",
    "productBranch",
    "channel",
    "createdAt",
    "createdByName",
    "createdById",
    "createdByEmail",
    "createdByType",
    "representedByName",
    "representedById",
    "representedByEmail",
    "representedByType",
    "policyEndDate",
    "assetType",
    "assetId",
    "sourceCaseId",
    "policyCount",
    "proposalCount",
    "lastProposalDate",
    "lastPolicyDate",
    "lastUpdateDate",
    "lastUpdatedByName",
    "lastUpdatedById",
    "lastUpdatedByEmail",
    "lastUpdatedByType",
    "priorityScore",
    "customerId",
    "customerName",
    "customerType",
    "customerIdentity",
    "customerCityText",
    "customerCityValue",
    "customerDistrictText",
    "customerDistrictValue",
    "customerPrimaryPhoneNumber",
    "customerPrimaryPhoneCountryCode",
    "customerPrimaryEmail",
    "customerBirthDate",
    "customerPassportNumber",
    "customerJob",
    "vehiclePlateCode",
    "vehiclePlateCity",
    "vehicleModelBrandText",
    "vehicleModelBrandValue",
    "vehicleModelTypeText",
    "vehicleModelTypeValue",
    "vehicleModelYear",
    "vehicleUtilizationStyle",
    "vehicleEngineNumber",
    "vehicleChassisNumber",
    "vehicleRegistrationDate",
    "vehicleFuelType",
    "vehicleSeatNumber",
    "vehicleDocumentSerialCode",
    "vehicleDocumentSerialNumber",
    "propertyNumber",
    "propertySquareMeter",
    "propertyConstructionYear",
    "propertyDamageStatus",
    "propertyFloorNumber",
    "propertyStructure",
    "propertyUtilizationStyle",
    "propertyOwnershipType",
    "propertyDaskPolicyNumber",
    "advertisingSource",
    "advertisingCampaign",
    "searchScore",
    "agentBranch.id",
    "agentBranch.name",
    "agentBranch.parentId",
    "agentBranch.parentName",
    "priorityRuleHits.label",
    "priorityRuleHits.description",
    "priorityRuleHits.ruleName",
    "priorityRuleHits.score",
    "requestedProducts.proposalId",
    "requestedProducts.proposalProductId",
];

/// A customer with a vehicle, a bought kasko policy and an open case, through vendor-shaped calls.
async fn a_bought_policy(api: &Api) -> (String, String) {
    let customer = api.create_customer(TCKN).await;
    let vehicle = api.create_vehicle(&customer).await;
    let case = api
        .post(
            "/api/cases:new-sale-opportunity",
            json!({"customerId": customer, "assetType": "VEHICLE", "assetId": vehicle, "productBranch": "KASKO", "channel": "WEBSITE"}),
        )
        .await
        .expect(200)
        .body;
    assert!(case.is_string(), "the client reads a bare case id: {case}");
    let proposal = api.create_proposal(&customer, &vehicle).await;
    let body = api.wait_for_proposal(&proposal).await;
    let product = body["products"]
        .as_array()
        .and_then(|ps| ps.iter().find(|p| p["state"] == "ACTIVE"))
        .and_then(|p| p["id"].as_str())
        .expect("a quoted product")
        .to_owned();
    api.purchase(&proposal, &product, "4242424242424242", 1)
        .await
        .expect(200);
    (customer, proposal)
}

#[tokio::test(flavor = "multi_thread")]
async fn the_vendor_clients_list_queries_run_with_their_default_selections() {
    let api = Api::start_in(Dialect::VendorSdk).await;
    let (customer, _) = a_bought_policy(&api).await;
    for (field, model, fields) in [
        ("customersNew", "QueryCustomerModel", CUSTOMER_FIELDS),
        ("proposalsNew", "QueryProposalsResult", PROPOSAL_FIELDS),
        ("policiesNew", "QueryPoliciesResult", POLICY_FIELDS),
        ("casesNew", "QueryCaseModel", CASE_FIELDS),
    ] {
        let query = vendor_query(field, model, fields);
        let variables = json!({"first": 50, "order": [{"createdAt": "DESC"}]});
        let data = assert_ran(api.query(&query, variables).await);
        assert_eq!(data[field]["totalCount"], 1, "{field}");
        let node = &data[field]["edges"][0]["node"];
        for f in fields.iter().filter(|f| !f.contains('.')) {
            assert!(node.get(*f).is_some(), "{field} answers {f}");
        }
    }
    let data = assert_ran(
        api.query(
            &vendor_query("policiesNew", "QueryPoliciesResult", POLICY_FIELDS),
            json!({"filter": {"insurerCustomerId": {"eq": customer}}, "search": {"vehiclePlateCode": {"autocomplete": {"value": "abc"}}}}),
        )
        .await,
    );
    let node = &data["policiesNew"]["edges"][0]["node"];
    assert_eq!(
        (
            node["paymentType"].as_str(),
            node["currency"].as_str(),
            node["vehicleModelBrandText"].as_str(),
            node["createdBy"]["userType"].as_str(),
        ),
        (
            Some("SYNC_CREDIT_CARD"),
            Some("TURKISH_LIRA"),
            Some("TOYOTA"),
            Some("AGENT")
        )
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn the_graphql_docs_example_list_queries_run_in_their_dialect() {
    let api = Api::start_in(Dialect::GraphqlDocs).await;
    a_bought_policy(&api).await;
    for (field, model, fields) in [
        ("customersNew", "QueryCustomerModel", CUSTOMER_FIELDS),
        ("proposalsNew", "QueryProposalsResult", PROPOSAL_FIELDS),
        ("policiesNew", "QueryPoliciesResult", POLICY_FIELDS),
        ("casesNew", "QueryCaseModel", CASE_FIELDS),
    ] {
        let query = format!(
            "query List($first: Int!, $after: String, $filter: {model}FilterInput, \
             $search: {model}SearchInput, $order: [{model}SortInput!]) {{ {field}(first: $first, \
             after: $after, filter: $filter, search: $search, order: $order) {{ totalCount \
             pageInfo {{ hasNextPage endCursor }} nodes {{ {} }} }} }}",
            selection(fields)
        );
        let data = assert_ran(
            api.query(
                &query,
                json!({"first": 50, "order": [{"createdAt": "DESC"}]}),
            )
            .await,
        );
        assert_eq!(data[field]["totalCount"], 1, "{field}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_rest_calls_a_crm_makes_through_the_vendor_client_all_succeed() {
    let api = Api::start_in(Dialect::VendorSdk).await;
    let (customer, proposal) = a_bought_policy(&api).await;
    let detail = api
        .get(&format!("/api/proposals/{proposal}"))
        .await
        .expect(200)
        .body;
    let bought = detail["products"]
        .as_array()
        .and_then(|ps| ps.iter().find(|p| p["state"] == "PURCHASED"))
        .cloned()
        .expect("the bought product");
    let product = bought["id"].as_str().unwrap_or_default();
    let policy = bought["policyId"].as_str().unwrap_or_default();
    for path in [
        "/api/agent-users/me".to_owned(),
        "/api/agent-branches".to_owned(),
        "/api/insurance-companies".to_owned(),
        "/api/products".to_owned(),
        "/api/coverage-groups".to_owned(),
        "/api/coverage-choices:kasko?vehicleUtilizationStyle=1".to_owned(),
        "/api/vehicle-parameters/brands".to_owned(),
        "/api/vehicle-parameters/models?brandReference=139&year=2021".to_owned(),
        format!("/api/customers/{customer}"),
        format!("/api/customers/{customer}/assets"),
        format!("/api/customers/{customer}/vehicles"),
        format!("/api/proposals/{proposal}/products/{product}/premium-detail/1"),
        format!("/api/proposals/{proposal}/products/{product}/coverage"),
        format!("/api/proposals/{proposal}/products/{product}/document"),
        format!("/api/proposals/{proposal}/products/{product}/information-form"),
        format!("/api/policies/{policy}"),
        format!("/api/policies/{policy}/document"),
    ] {
        api.get(&path).await.expect(200);
    }
    api.post(
        &format!("/api/policies/{policy}/document/send"),
        json!({"policyId": policy, "email": "ahmet@example.com.tr"}),
    )
    .await
    .expect(204);
    let hook = api
        .post(
            "/api/webhooks",
            json!({"url": "https://crm.example.com/hooks", "events": ["POLICY_CREATED", "PROPOSAL_PREMIUM_PURCHASED"], "agentBranchIds": [], "secret": "s3cret"}),
        )
        .await
        .expect(200)
        .body;
    let hook = hook["id"].as_str().unwrap_or_default().to_owned();
    api.put(
        &format!("/api/webhooks/{hook}"),
        json!({"id": hook, "url": "https://crm.example.com/hooks", "events": ["POLICY_CREATED"], "agentBranchIds": [], "secret": null}),
    )
    .await
    .expect(204);
    api.get("/api/webhooks").await.expect(200);
    api.delete(&format!("/api/webhooks/{hook}"))
        .await
        .expect(204);
    let update: Value = json!({
        "id": customer, "type": "INDIVIDUAL", "identityNumber": TCKN, "fullName": "AHMET YILMAZ",
        "cityReference": "34", "districtReference": "1823", "fillMissingFields": false,
    });
    api.put(&format!("/api/customers/{customer}"), update)
        .await
        .expect(204);
}
