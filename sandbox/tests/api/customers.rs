use insurup_sandbox::Dialect;
use serde_json::json;

use crate::common::*;

#[tokio::test(flavor = "multi_thread")]
async fn customers_of_each_type_are_created_and_read_back() {
    let api = Api::start().await;
    let person = api.create_customer(TCKN).await;
    let read = api
        .get(&format!("/api/customers/{person}"))
        .await
        .expect(200);
    assert_eq!(read.body["type"], "INDIVIDUAL");
    assert_eq!(read.body["identityNumber"], TCKN);
    assert_eq!(
        read.body["city"],
        json!({"value": "34", "text": "İSTANBUL"})
    );
    assert_eq!(
        read.body["district"],
        json!({"value": "1823", "text": "KÜÇÜKÇEKMECE"})
    );
    assert_eq!(
        read.body["primaryPhoneNumber"],
        json!({"countryCode": 90, "number": "5321234567"})
    );
    assert_eq!(read.body["agentBranchId"], BRANCH_ID);
    // The id segment may also be the TCKN.
    let by_tckn = api.get(&format!("/api/customers/{TCKN}")).await.expect(200);
    assert_eq!(by_tckn.body["id"], person.as_str());

    let company = api
        .post(
            "/api/customers",
            json!({"$type": "company", "taxNumber": "6130782524", "title": "ÖRNEK LOJİSTİK A.Ş."}),
        )
        .await
        .expect(200);
    let company = api
        .get(&format!(
            "/api/customers/{}",
            company.body["id"].as_str().expect("id")
        ))
        .await
        .expect(200);
    assert_eq!(
        (
            company.body["type"].as_str(),
            company.body["title"].as_str()
        ),
        (Some("COMPANY"), Some("ÖRNEK LOJİSTİK A.Ş."))
    );

    // Older docs send the identity number as a JSON number.
    let foreign = api
        .post(
            "/api/customers",
            json!({"$type": "foreign", "identityNumber": 99_123_456_780u64}),
        )
        .await
        .expect(200);
    let foreign = api
        .get(&format!(
            "/api/customers/{}",
            foreign.body["id"].as_str().expect("id")
        ))
        .await
        .expect(200);
    assert_eq!(foreign.body["identityNumber"], "99123456780");
}

#[tokio::test(flavor = "multi_thread")]
async fn identity_and_tax_numbers_must_pass_their_checksums() {
    for dialect in Dialect::ALL_STRICT {
        let api = Api::start_in(dialect).await;
        let bad = api
            .post(
                "/api/customers",
                json!({"$type": "individual", "identityNumber": "11111111111"}),
            )
            .await;
        assert_eq!(
            bad.expect_invalid_input(dialect).field_errors(),
            vec!["identityNumber"]
        );
        let bad = api
            .post(
                "/api/customers",
                json!({"$type": "company", "taxNumber": "6130782525", "title": "X"}),
            )
            .await;
        assert_eq!(
            bad.expect_invalid_input(dialect).field_errors(),
            vec!["taxNumber"]
        );
        // An unknown kind names no request type the body could be bound to.
        let bad = api
            .post(
                "/api/customers",
                json!({"$type": "robot", "identityNumber": TCKN}),
            )
            .await;
        assert_unbindable(&bad, "$");
        assert_eq!(api.stats().await["customersCreated"], 0, "{dialect}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_second_customer_with_the_same_identity_is_a_duplicate_pointing_at_the_first() {
    let api = Api::start().await;
    let first = api.create_customer(TCKN).await;
    let again = api
        .post(
            "/api/customers",
            json!({"$type": "individual", "identityNumber": TCKN}),
        )
        .await;
    let again = again.expect_problem(409, "CUSTOMER_ALREADY_EXISTS");
    assert_eq!(
        again.body["type"],
        "https://api.insurup.com/problems/resource-duplicate"
    );
    assert_eq!(again.body["templateArgs"]["customerId"], first.as_str());
}

#[tokio::test(flavor = "multi_thread")]
async fn a_customer_is_updated_with_put_and_removed_with_delete() {
    let api = Api::start().await;
    let id = api.create_customer(TCKN).await;
    api.put(
        &format!("/api/customers/{id}"),
        json!({"$type": "individual", "id": id, "identityNumber": TCKN, "fullName": "AYŞE YILMAZ", "email": "ayse@example.com.tr"}),
    )
    .await
    .expect(204);
    let read = api.get(&format!("/api/customers/{id}")).await.expect(200);
    assert_eq!(
        (
            read.body["fullName"].as_str(),
            read.body["primaryEmail"].as_str()
        ),
        (Some("AYŞE YILMAZ"), Some("ayse@example.com.tr"))
    );
    api.delete(&format!("/api/customers/{id}"))
        .await
        .expect(204);
    api.get(&format!("/api/customers/{id}"))
        .await
        .expect_problem(404, "CUSTOMER_NOT_FOUND");
    // The identity is free again.
    api.create_customer(TCKN).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_identity_lookup_is_plausible_and_deterministic() {
    let api = Api::start().await;
    let one = api
        .post(
            "/api/customers/external-lookup",
            json!({"identityNumber": TCKN, "birthDate": "1990-01-01"}),
        )
        .await
        .expect(200);
    let two = api
        .post(
            "/api/customers/external-lookup",
            json!({"identityNumber": 11111111110u64}),
        )
        .await
        .expect(200);
    assert_eq!(one.body["fullName"], two.body["fullName"]);
    assert_eq!(one.body["birthDate"], "1990-01-01");
    assert!(one.body["city"]["text"].is_string());
}

#[tokio::test(flavor = "multi_thread")]
async fn vehicles_are_created_in_the_dialects_body_and_read_back_alike() {
    // The vendor client's body, in its dialect.
    let api = Api::start().await;
    let customer = api.create_customer(TCKN).await;
    let sdk = api.create_vehicle(&customer).await;
    let read = api
        .get(&format!("/api/customers/{customer}/vehicles/{sdk}"))
        .await
        .expect(200);
    assert_eq!(read.body["plate"], json!({"city": 34, "code": "ABC123"}));
    assert_eq!(read.body["hasPlate"], true);
    assert_eq!(read.body["brand"]["text"], "TOYOTA");
    assert_eq!(
        read.body["documentSerial"],
        json!({"code": "AB", "number": "123456"})
    );

    // The kasko guide's older flat body, in the guide's dialect, reads back the same; a plate may
    // be written with spaces and the utilization style left out.
    let api = Api::start_in(Dialect::Guide).await;
    let customer = api.create_customer(TCKN).await;
    let flat = api.create_vehicle(&customer).await;
    let read = api
        .get(&format!("/api/customers/{customer}/vehicles/{flat}"))
        .await
        .expect(200);
    assert_eq!(read.body["plate"], json!({"city": 34, "code": "ABC123"}));
    assert_eq!(read.body["hasPlate"], true);
    assert_eq!(read.body["brand"]["text"], "TOYOTA");
    assert_eq!(
        read.body["documentSerial"],
        json!({"code": "AB", "number": "123456"})
    );
    let older = api
        .post(
            &format!("/api/customers/{customer}/vehicles"),
            json!({"plate": "06 ABC 456", "documentSerialCode": "A", "documentSerialNumber": "1234567", "brandCode": "124", "modelCode": "124051", "year": 2020}),
        )
        .await
        .expect(200);
    let older = api
        .get(&format!(
            "/api/customers/{customer}/vehicles/{}",
            older.body["id"].as_str().expect("id")
        ))
        .await
        .expect(200);
    assert_eq!(older.body["plate"], json!({"city": 6, "code": "ABC456"}));
    assert_eq!(older.body["model"]["value"], "124051");
    assert_eq!(older.body["utilizationStyle"], "PRIVATE_CAR");

    let list = api
        .get(&format!("/api/customers/{customer}/vehicles"))
        .await
        .expect(200);
    assert_eq!(list.body.as_array().map(Vec::len), Some(2));
    assert_eq!(
        api.get(&format!("/api/customers/{customer}")).await.body["vehicleCount"],
        2
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_bad_plate_is_rejected_naming_the_plate_field() {
    for dialect in Dialect::ALL_STRICT {
        let api = Api::start_in(dialect).await;
        let customer = api.create_customer(TCKN).await;
        // Plates spelt as the dialect spells them: the guide's text, the vendor client's object.
        let plates = if dialect == Dialect::Guide {
            vec![json!("99 ABC 123"), json!("34 ABCD 1"), json!("34-?")]
        } else {
            vec![
                json!({"city": 99, "code": "ABC123"}),
                json!({"city": 34, "code": "ABCD1"}),
            ]
        };
        for plate in plates {
            let reply = api
                .post(
                    &format!("/api/customers/{customer}/vehicles"),
                    json!({"plate": plate, "utilizationStyle": "PRIVATE_CAR"}),
                )
                .await
                .expect_invalid_input(dialect);
            assert_eq!(reply.field_errors(), vec!["plate"], "{dialect}: {plate}");
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_tramer_lookup_knows_the_published_plate() {
    let api = Api::start().await;
    let customer = api.create_customer(TCKN).await;
    let found = api
        .post(
            &format!("/api/customers/{customer}/vehicles/external-lookup"),
            json!({"customerId": customer, "plate": {"city": 34, "code": "ABC123"}, "documentSerial": {"code": "AB", "number": "123456"}}),
        )
        .await
        .expect(200);
    assert_eq!(found.body["modelYear"], 2021);
    assert_eq!(found.body["brand"]["text"], "TOYOTA");
    assert!(
        found.body["model"]["text"]
            .as_str()
            .unwrap_or_default()
            .starts_with("COROLLA")
    );
    assert_eq!(found.body["chassis"].as_str().map(str::len), Some(17));
}

#[tokio::test(flavor = "multi_thread")]
async fn properties_are_created_and_listed() {
    for dialect in Dialect::ALL_STRICT {
        let api = Api::start_in(dialect).await;
        let customer = api.create_customer(TCKN).await;
        let created = api
            .post(
                &format!("/api/customers/{customer}/properties"),
                json!({"customerId": customer, "propertyNumber": 1234567890, "squareMeter": 120, "constructionYear": 2005, "utilizationStyle": "HOUSE", "ownershipType": "PROPRIETOR", "floor": 3}),
            )
            .await
            .expect(200);
        let id = created.body["id"].as_str().expect("id");
        let read = api
            .get(&format!("/api/customers/{customer}/properties/{id}"))
            .await
            .expect(200);
        assert_eq!(read.body["squareMeter"], 120);
        let listed = api
            .get(&format!("/api/customers/{customer}/properties"))
            .await
            .expect(200);
        assert_eq!(listed.body.as_array().map(Vec::len), Some(1), "{dialect}");
        let bad = api
            .post(
                &format!("/api/customers/{customer}/properties"),
                json!({"propertyNumber": 1, "squareMeter": 120, "constructionYear": 2005, "utilizationStyle": "CASTLE", "ownershipType": "PROPRIETOR"}),
            )
            .await;
        assert_eq!(
            bad.expect_invalid_input(dialect).field_errors(),
            vec!["utilizationStyle"]
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn reference_data_lists_brands_models_insurers_coverage_groups_and_branches() {
    let api = Api::start().await;
    let brands = api.get("/api/vehicle-parameters/brands").await.expect(200);
    assert!(brands.body.as_array().map_or(0, Vec::len) >= 15);
    let models = api
        .get("/api/vehicle-parameters/models?brandReference=139&year=2021")
        .await
        .expect(200);
    assert!(
        models
            .body
            .as_array()
            .is_some_and(|m| m.iter().any(|x| x["value"] == "139014"))
    );
    let insurers = api.get("/api/insurance-companies").await.expect(200);
    let names: Vec<_> = insurers
        .body
        .as_array()
        .expect("list")
        .iter()
        .map(|i| i["name"].as_str().unwrap_or_default().to_owned())
        .collect();
    assert_eq!(names.len(), 12);
    assert!(
        names.contains(&"Anadolu Sigorta".to_owned())
            && names.contains(&"Türkiye Sigorta".to_owned())
    );
    let groups = api.get("/api/coverage-groups").await.expect(200);
    let first = groups.body[0]["id"].as_str().expect("id");
    api.get(&format!("/api/coverage-groups/{first}"))
        .await
        .expect(200);
    let branches = api.get("/api/agent-branches").await.expect(200);
    assert_eq!(branches.body[0]["name"], "Kadıköy Şube");
    let me = api.get("/api/agent-users/me").await.expect(200);
    assert_eq!(
        (
            me.body["email"].as_str(),
            me.body["isServiceAccount"].as_bool()
        ),
        (Some(AGENT_EMAIL), Some(false))
    );
}
