//! A customer's contact book, consents, representative and branch, the full read shape, and the
//! address register (cascade and UAVT lookup).

use insurup_sandbox::Dialect;
use serde_json::{Value, json};

use crate::common::*;
use crate::webhooks::{assert_no_more, payloads, subscribe};

const MFA_USER_ID: &str = "00000000-0000-4000-8000-000000000102";

#[tokio::test(flavor = "multi_thread")]
async fn a_customer_reads_back_every_documented_field() {
    let api = Api::start().await;
    let created = api
        .post(
            "/api/customers",
            json!({
                "$type": "foreign", "identityNumber": "99123456789", "fullName": "JOHN SMITH",
                "birthDate": "1985-05-05", "gender": "MALE", "maritalStatus": "MARRIED",
                "nationality": "OTHER", "educationStatus": "UNIVERSITY", "job": "TEACHER",
                "passportNumber": "U1234567", "fatherName": "ROBERT",
                "email": "john@example.com", "phoneNumber": {"countryCode": 44, "number": "7700900123"},
                "fillMissingFields": false,
            }),
        )
        .await
        .expect(200);
    let id = created.body["id"].as_str().expect("id");
    let c = api
        .get(&format!("/api/customers/{id}"))
        .await
        .expect(200)
        .body;
    assert_eq!(c["type"], "FOREIGN");
    assert_eq!(c["maritalStatus"], "MARRIED");
    assert_eq!(c["nationality"], "OTHER");
    assert_eq!(c["educationStatus"], "UNIVERSITY");
    assert_eq!(c["job"], "TEACHER");
    assert_eq!(c["passportNumber"], "U1234567");
    assert_eq!(c["fatherName"], "ROBERT");
    assert_eq!(c["createdBy"]["email"], AGENT_EMAIL);
    assert_eq!(c["createdBy"]["userType"], "AGENT");
    assert_eq!(c["creationChannel"], "API");
    assert_eq!(c["emailCount"], 1);
    assert_eq!(c["phoneCount"], 1);
    assert_eq!(
        c["consents"],
        json!([{"consentType": "KVKK", "isActive": false}, {"consentType": "ETK", "isActive": false}])
    );
    assert!(c.get("representedBy").is_none(), "no representative yet");
    let refused = api
        .post(
            "/api/customers",
            json!({"$type": "individual", "identityNumber": "10000000146", "job": "ASTRONAUT"}),
        )
        .await
        .expect_invalid_input(api.dialect());
    assert_eq!(refused.field_errors(), ["job"]);
}

#[tokio::test(flavor = "multi_thread")]
async fn e_mail_addresses_are_added_listed_made_primary_and_removed() {
    let api = Api::start().await;
    let customer = api.create_customer(TCKN).await;
    let emails = format!("/api/customers/{customer}/emails");
    api.post(
        &emails,
        json!({"customerId": customer, "email": "is@example.com.tr"}),
    )
    .await
    .expect(204);
    api.post(
        &emails,
        json!({"customerId": customer, "email": "IS@example.com.tr"}),
    )
    .await
    .expect_problem(409, "CUSTOMER_EMAIL_ALREADY_EXISTS");
    let list = api.get(&emails).await.expect(200).body;
    assert_eq!(
        list,
        json!([
            {"email": "ahmet@example.com.tr", "primary": true},
            {"email": "is@example.com.tr", "primary": false},
        ])
    );
    api.post(&format!("{emails}/is@example.com.tr/primary"), json!(null))
        .await
        .expect(204);
    assert_eq!(
        api.get(&format!("{emails}/primary")).await.expect(200).body,
        json!({"email": "is@example.com.tr"})
    );
    let read = api
        .get(&format!("/api/customers/{customer}"))
        .await
        .expect(200);
    assert_eq!(read.body["primaryEmail"], "is@example.com.tr");
    api.delete(&format!("{emails}/is@example.com.tr"))
        .await
        .expect_problem(422, "CUSTOMER_PRIMARY_EMAIL_CANNOT_BE_REMOVED");
    api.delete(&format!("{emails}/ahmet@example.com.tr"))
        .await
        .expect(204);
    api.delete(&format!("{emails}/nobody@example.com.tr"))
        .await
        .expect_problem(404, "CUSTOMER_EMAIL_NOT_FOUND");
    // PUT …/primary is an upsert: a new address is added and made primary at once.
    api.put(
        &format!("{emails}/primary"),
        json!({"customerId": customer, "email": "yeni@example.com.tr"}),
    )
    .await
    .expect(204);
    let list = api.get(&emails).await.expect(200).body;
    assert_eq!(list.as_array().map(Vec::len), Some(2));
    assert_eq!(
        list[1],
        json!({"email": "yeni@example.com.tr", "primary": true})
    );
    api.put(
        &format!("{emails}/primary"),
        json!({"customerId": customer, "email": "not-an-address"}),
    )
    .await
    .expect_invalid_input(api.dialect());
}

#[tokio::test(flavor = "multi_thread")]
async fn phone_numbers_are_keyed_by_country_code_and_number() {
    let api = Api::start().await;
    let customer = api.create_customer(TCKN).await;
    let phones = format!("/api/customers/{customer}/phone-numbers");
    api.post(
        &phones,
        json!({"customerId": customer, "phoneNumber": {"countryCode": 90, "number": "2165550000"}}),
    )
    .await
    .expect(204);
    let list = api.get(&phones).await.expect(200).body;
    assert_eq!(
        list[0]["phoneNumber"],
        json!({"countryCode": 90, "number": "5321234567"})
    );
    assert_eq!(list[0]["primary"], true);
    assert_eq!(list[1]["primary"], false);
    api.post(&format!("{phones}/90-2165550000/primary"), json!(null))
        .await
        .expect(204);
    assert_eq!(
        api.get(&format!("{phones}/primary")).await.expect(200).body["phoneNumber"]["number"],
        "2165550000"
    );
    api.delete(&format!("{phones}/90-5321234567"))
        .await
        .expect(204);
    api.delete(&format!("{phones}/90-2165550000"))
        .await
        .expect_problem(422, "CUSTOMER_PRIMARY_PHONE_NUMBER_CANNOT_BE_REMOVED");
    api.delete(&format!("{phones}/5321234567"))
        .await
        .expect_invalid_input(api.dialect());
    let read = api
        .get(&format!("/api/customers/{customer}"))
        .await
        .expect(200);
    assert_eq!(read.body["phoneCount"], 1);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_uavt_number_from_the_address_cascade_becomes_a_customer_address() {
    let api = Api::start().await;
    let pick = |list: Value| -> String {
        list[0]["value"]
            .as_str()
            .expect("a value at every level")
            .to_owned()
    };
    let city = pick(
        api.get("/api/address-parameters/cities")
            .await
            .expect(200)
            .body,
    );
    assert_eq!(city, "34");
    let district = pick(
        api.get(&format!(
            "/api/address-parameters/districts?cityReference={city}"
        ))
        .await
        .expect(200)
        .body,
    );
    let town = pick(
        api.get(&format!(
            "/api/address-parameters/towns?districtReference={district}"
        ))
        .await
        .expect(200)
        .body,
    );
    let neighbourhood = pick(
        api.get(&format!(
            "/api/address-parameters/neighbourhoods?townReference={town}"
        ))
        .await
        .expect(200)
        .body,
    );
    let street = pick(
        api.get(&format!(
            "/api/address-parameters/streets?neighbourhoodReference={neighbourhood}"
        ))
        .await
        .expect(200)
        .body,
    );
    let building = pick(
        api.get(&format!(
            "/api/address-parameters/buildings?streetReference={street}"
        ))
        .await
        .expect(200)
        .body,
    );
    let flats = api
        .get(&format!(
            "/api/address-parameters/apartments?buildingReference={building}"
        ))
        .await
        .expect(200)
        .body;
    let uavt: i64 = pick(flats.clone()).parse().expect("a UAVT number");
    let unknown = api
        .get("/api/address-parameters/towns?districtReference=0000")
        .await
        .expect(200);
    assert_eq!(unknown.body, json!([]));
    api.get("/api/address-parameters/towns")
        .await
        .expect_invalid_input(api.dialect());

    let looked_up = api
        .post(
            "/api/properties/query-address-by-property-number",
            json!({"propertyNumber": uavt}),
        )
        .await
        .expect(200)
        .body;
    assert_eq!(looked_up["city"]["value"], "34");
    assert_eq!(looked_up["building"]["value"], building);
    assert_eq!(looked_up["apartment"], flats[0]);

    let customer = api.create_customer(TCKN).await;
    let addresses = format!("/api/customers/{customer}/addresses");
    let created = api
        .post(
            &addresses,
            json!({"customerId": customer, "propertyNumber": uavt, "type": "HOME"}),
        )
        .await
        .expect(200);
    let address = created.body["addressId"].as_str().expect("addressId");
    api.post(
        &addresses,
        json!({"customerId": customer, "propertyNumber": uavt, "type": "WORK"}),
    )
    .await
    .expect_problem(409, "CUSTOMER_ADDRESS_ALREADY_EXISTS");
    let one = api
        .get(&format!("{addresses}/{address}"))
        .await
        .expect(200)
        .body;
    assert_eq!(one["propertyNumber"], uavt);
    assert_eq!(one["type"], "HOME");
    assert_eq!(one["address"], looked_up);
    api.put(
        &format!("{addresses}/{address}"),
        json!({"customerId": customer, "addressId": address, "type": "WORK"}),
    )
    .await
    .expect(204);
    assert_eq!(
        api.get(&addresses).await.expect(200).body[0]["type"],
        "WORK"
    );
    api.delete(&format!("{addresses}/{address}"))
        .await
        .expect(204);
    assert_eq!(api.get(&addresses).await.expect(200).body, json!([]));
    api.get(&format!("{addresses}/{address}"))
        .await
        .expect_problem(404, "CUSTOMER_ADDRESS_NOT_FOUND");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_representative_and_a_branch_are_set_and_cleared() {
    let api = Api::start().await;
    let customer = api.create_customer(TCKN).await;
    let path = format!("/api/customers/{customer}");
    let read = || api.get(&path);
    api.post(
        &format!("/api/customers/{customer}/representative"),
        json!({"customerId": customer, "representativeAgentUserId": MFA_USER_ID}),
    )
    .await
    .expect(204);
    assert_eq!(read().await.body["representedBy"]["id"], MFA_USER_ID);
    api.post(
        &format!("/api/customers/{customer}/representative"),
        json!({"customerId": customer, "representativeAgentUserId": "00000000-0000-4000-8000-000000000999"}),
    )
    .await
    .expect_problem(404, "AGENT_USER_NOT_FOUND");
    api.post(
        &format!("/api/customers/{customer}/representative"),
        json!({"customerId": customer, "representativeAgentUserId": null}),
    )
    .await
    .expect(204);
    assert!(read().await.body.get("representedBy").is_none());

    api.post(
        &format!("/api/customers/{customer}/branch"),
        json!({"customerId": customer, "agentBranchId": null}),
    )
    .await
    .expect(204);
    assert!(read().await.body.get("agentBranchId").is_none());
    api.post(
        &format!("/api/customers/{customer}/branch"),
        json!({"customerId": customer, "agentBranchId": "6650a1b2c3d4e5f601a2b3ff"}),
    )
    .await
    .expect_problem(404, "AGENT_BRANCH_NOT_FOUND");
    api.post(
        &format!("/api/customers/{customer}/branch"),
        json!({"customerId": customer, "agentBranchId": BRANCH_ID}),
    )
    .await
    .expect(204);
    assert_eq!(read().await.body["agentBranchId"], BRANCH_ID);
    let other = api.create_customer("10000000146").await;
    api.post(
        &format!("/api/customers/{customer}/branch"),
        json!({"customerId": other, "agentBranchId": BRANCH_ID}),
    )
    .await
    .expect_invalid_input(api.dialect());
}

#[tokio::test(flavor = "multi_thread")]
async fn consents_are_given_revoked_and_listed_with_their_history() {
    for dialect in Dialect::ALL_STRICT {
        let api = Api::start_in(dialect).await;
        let customer = api.create_customer(TCKN).await;
        let consents = format!("/api/customers/{customer}/consents");
        // The deployed API needs the customer id repeated in the body.
        let unbound = api
            .post(&consents, json!({"consentType": "KVKK", "channel": "WEB"}))
            .await;
        assert_unbindable(&unbound, "$");
        api.post(
            &consents,
            json!({"customerId": customer, "consentType": "KVKK", "channel": "WEB"}),
        )
        .await
        .expect(204);
        api.post(
            &consents,
            json!({"customerId": customer, "consentType": "ETK", "channel": "SMS"}),
        )
        .await
        .expect(204);
        api.delete(&format!("{consents}/ETK")).await.expect(204);
        api.delete(&format!("{consents}/IYS"))
            .await
            .expect_invalid_input(dialect);
        let listed = api.get(&consents).await.expect(200).body;
        assert_eq!(
            listed["consents"],
            json!([{"consentType": "KVKK", "isActive": true}, {"consentType": "ETK", "isActive": false}])
        );
        let history = listed["history"].as_array().cloned().unwrap_or_default();
        let actions: Vec<(String, String, String)> = history
            .iter()
            .map(|h| {
                (
                    h["consentType"].as_str().unwrap_or_default().to_owned(),
                    h["action"].as_str().unwrap_or_default().to_owned(),
                    h["channel"].as_str().unwrap_or_default().to_owned(),
                )
            })
            .collect();
        assert_eq!(
            actions,
            [
                ("KVKK".into(), "GIVEN".into(), "WEB".into()),
                ("ETK".into(), "GIVEN".into(), "SMS".into()),
                ("ETK".into(), "REVOKED".into(), "MANUAL".into()),
            ]
        );
        assert_eq!(history[0]["performedBy"]["email"], AGENT_EMAIL);
        let read = api
            .get(&format!("/api/customers/{customer}"))
            .await
            .expect(200);
        assert_eq!(read.body["consents"], listed["consents"]);
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn each_consent_change_is_its_own_webhook_event_and_a_repeat_is_none() {
    for dialect in Dialect::ALL_STRICT {
        let api = Api::start_in(dialect).await;
        let receiver = subscribe(
            &api,
            &[
                "customer.kvkk_consent_given",
                "customer.kvkk_consent_revoked",
                "customer.etk_consent_given",
                "customer.etk_consent_revoked",
            ],
        )
        .await;
        let customer = api.create_customer(TCKN).await;
        let consents = format!("/api/customers/{customer}/consents");
        for (kind, channel) in [("KVKK", "WEB"), ("ETK", "EMAIL"), ("KVKK", "WEB")] {
            api.post(
                &consents,
                json!({"customerId": customer, "consentType": kind, "channel": channel}),
            )
            .await
            .expect(204);
        }
        api.delete(&format!("{consents}/KVKK")).await.expect(204);
        api.delete(&format!("{consents}/ETK")).await.expect(204);
        api.delete(&format!("{consents}/ETK")).await.expect(204);
        let events = payloads(&receiver, 4).await;
        let names: Vec<&str> = events.iter().filter_map(|e| e["$event"].as_str()).collect();
        assert_eq!(
            names,
            [
                "customer.kvkk_consent_given",
                "customer.etk_consent_given",
                "customer.kvkk_consent_revoked",
                "customer.etk_consent_revoked",
            ],
            "{dialect}"
        );
        assert_eq!(events[0]["customerId"], customer.as_str());
        assert_eq!(events[0]["customerType"], "INDIVIDUAL");
        assert_eq!(events[0]["channel"], "WEB");
        assert!(events[0]["givenAt"].is_string());
        assert_eq!(events[2]["channel"], "MANUAL");
        assert!(events[2]["revokedAt"].is_string());
        assert_no_more(&receiver, 4).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_new_primary_address_or_number_or_branch_is_a_customer_updated_event() {
    let api = Api::start().await;
    let receiver = subscribe(&api, &["customer.updated"]).await;
    let customer = api.create_customer(TCKN).await;
    let base = format!("/api/customers/{customer}");
    api.post(
        &format!("{base}/emails"),
        json!({"customerId": customer, "email": "is@example.com.tr"}),
    )
    .await
    .expect(204);
    api.post(
        &format!("{base}/emails/is@example.com.tr/primary"),
        json!(null),
    )
    .await
    .expect(204);
    api.put(
        &format!("{base}/phone-numbers/primary"),
        json!({"customerId": customer, "phoneNumber": {"countryCode": 90, "number": "5550001122"}}),
    )
    .await
    .expect(204);
    api.post(
        &format!("{base}/branch"),
        json!({"customerId": customer, "agentBranchId": null}),
    )
    .await
    .expect(204);
    let events = payloads(&receiver, 3).await;
    assert_eq!(events[0]["email"], "is@example.com.tr");
    assert_eq!(events[1]["phoneNumber"], "+905550001122");
    assert!(events[2]["branch"].is_null());
    for e in &events {
        assert_eq!(e["$event"], "customer.updated");
        assert_eq!(e["updatedBy"]["email"], AGENT_EMAIL);
        assert!(e["updatedAt"].is_string());
    }
    assert_no_more(&receiver, 3).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_call_is_planned_and_listed_among_the_customers_contacts() {
    let api = Api::start().await;
    let customer = api.create_customer(TCKN).await;
    let contacts = format!("/api/customers/{customer}/contacts");
    api.post(&contacts, json!({"customerId": customer}))
        .await
        .expect(204);
    let list = api.get(&contacts).await.expect(200).body;
    assert_eq!(list[0]["type"], "PHONE_CALL");
    assert_eq!(list[0]["state"], "PLANNED");
    assert_eq!(list[0]["customerId"], customer.as_str());
    assert_eq!(
        api.get(&format!("{contacts}?caseRef=SF-2026-999999"))
            .await
            .expect(200)
            .body,
        json!([])
    );
}
