//! REST shapes per dialect: request bodies, answers, the token endpoint's origin, webhook event
//! names, the `$type` discriminator, validation statuses and routes only some sources name.

use insurup_sandbox::{Dialect, SandboxConfig};
use serde_json::{Value, json};

use crate::common::*;

#[tokio::test(flavor = "multi_thread")]
async fn a_purchase_answers_in_the_dialects_shape() {
    for dialect in Dialect::ALL_STRICT {
        let api = Api::start_in(dialect).await;
        let (proposal, product) = api.quoted_product().await;
        let product = product["id"].as_str().expect("product id");
        let body = api
            .purchase(&proposal, product, "4242424242424242", 1)
            .await
            .expect(200)
            .body;
        let policy = body["policyId"]
            .as_str()
            .expect("policyId in every dialect");
        assert_eq!(policy.len(), 24);
        let keys: Vec<&str> = body
            .as_object()
            .map(|o| o.keys().map(String::as_str).collect())
            .unwrap_or_default();
        if dialect == Dialect::Guide {
            assert_eq!(
                keys,
                ["policyId", "policyNumber", "status"],
                "the B2B guide §4.3"
            );
            assert_eq!(body["status"], "PURCHASED");
        } else {
            assert_eq!(
                keys,
                ["policyId"],
                "{dialect}: the vendor client's result type"
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn creating_a_case_answers_an_object_in_the_guide_and_a_bare_id_elsewhere() {
    for dialect in Dialect::ALL_STRICT {
        let api = Api::start_in(dialect).await;
        let customer = api.create_customer(TCKN).await;
        let body = api
            .post(
                "/api/cases:new-sale-opportunity",
                json!({"customerId": customer, "productBranch": "KASKO"}),
            )
            .await
            .expect(200)
            .body;
        let id = if dialect == Dialect::Guide {
            assert_eq!(body.as_object().map(|o| o.len()), Some(1), "{body}");
            body["id"].as_str().map(str::to_owned)
        } else {
            body.as_str().map(str::to_owned)
        };
        let id = id.unwrap_or_else(|| panic!("{dialect}: no case id in {body}"));
        api.get(&format!("/api/cases/{id}")).await.expect(200);
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_proposal_body_binds_only_in_the_dialect_that_documents_it() {
    for dialect in Dialect::ALL_STRICT {
        let api = Api::start_in(dialect).await;
        let customer = api.create_customer(TCKN).await;
        let vehicle = api.create_vehicle(&customer).await;
        let older = json!({
            "type": "traffic", "customerId": customer, "insuredCustomerId": customer,
            "vehicleId": vehicle, "channel": "website", "coverageGroupIds": [126],
        });
        let newer = json!({
            "$type": "trafik", "productBranch": "TRAFIK", "insurerCustomerId": customer,
            "insuredCustomerId": customer, "vehicleId": vehicle, "channel": "WEBSITE",
            "coverageGroupIds": ["68ff33ef85427175168098e8"],
        });
        let (own, other, refused_key) = if dialect == Dialect::Guide {
            (older, newer, "$.$type")
        } else {
            (newer, older, "$.type")
        };
        let created = api.post("/api/proposals", own).await.expect(200);
        assert!(created.body["proposalId"].is_string(), "{dialect}");
        assert_unbindable(&api.post("/api/proposals", other).await, refused_key);
        assert_eq!(
            api.stats().await["proposalsCreated"],
            1,
            "nothing created by the refused body"
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_vehicle_body_binds_only_in_the_dialect_that_documents_it() {
    let guide = Api::start_in(Dialect::Guide).await;
    let vendor = Api::start_in(Dialect::VendorSdk).await;
    let in_guide = guide.create_customer(TCKN).await;
    let in_vendor = vendor.create_customer(TCKN).await;
    assert_unbindable(
        &guide
            .post(
                &format!("/api/customers/{in_guide}/vehicles"),
                vendor.vehicle_body(&in_guide),
            )
            .await,
        "$.customerId",
    );
    assert_unbindable(
        &vendor
            .post(
                &format!("/api/customers/{in_vendor}/vehicles"),
                guide.vehicle_body(&in_vendor),
            )
            .await,
        "$.year",
    );
    guide.create_vehicle(&in_guide).await;
    vendor.create_vehicle(&in_vendor).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_token_endpoint_lives_on_a_separate_origin_where_the_oauth_docs_put_it() {
    let form = [
        ("grant_type", "client_credentials"),
        ("client_id", "sandbox-client"),
        ("client_secret", "sandbox-secret"),
        ("scope", "core-api"),
    ];
    for dialect in Dialect::ALL_STRICT {
        let api = Api::start_in(dialect).await;
        let grant = |origin: String| {
            let request = api.http.post(format!("{origin}/connect/token")).form(&form);
            async move { Reply::from(request.send().await.expect("request")).await }
        };
        let on_api = grant(api.sandbox.base_url().to_owned()).await;
        if dialect.splits_auth_origin() {
            assert_ne!(api.sandbox.auth_url(), api.sandbox.base_url());
            on_api.expect_problem(404, "ENDPOINT_NOT_FOUND");
            let token = grant(api.sandbox.auth_url().to_owned()).await.expect(200);
            let access = token.body["access_token"].as_str().expect("token");
            api.get_with("/api/agent-users/me", access)
                .await
                .expect(200);
            let discovery = Reply::from(
                api.http
                    .get(format!(
                        "{}/.well-known/openid-configuration",
                        api.sandbox.auth_url()
                    ))
                    .send()
                    .await
                    .expect("request"),
            )
            .await
            .expect(200);
            assert_eq!(
                discovery.body["token_endpoint"],
                format!("{}/connect/token", api.sandbox.auth_url())
            );
        } else {
            assert_eq!(api.sandbox.auth_url(), api.sandbox.base_url());
            on_api.expect(200);
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn webhook_events_are_spelt_as_the_dialect_spells_them() {
    for dialect in Dialect::ALL_STRICT {
        let api = Api::start_in(dialect).await;
        let (own, other) = if dialect == Dialect::Guide {
            ("policy.created", "POLICY_CREATED")
        } else {
            ("POLICY_CREATED", "policy.created")
        };
        let body = |event: &str| json!({"url": "https://crm.example.com/hooks", "events": [event], "secret": null});
        let id = api.post("/api/webhooks", body(own)).await.expect(200).body["id"]
            .as_str()
            .map(str::to_owned)
            .expect("webhook id");
        let listed = api.get(&format!("/api/webhooks/{id}")).await.expect(200);
        assert_eq!(listed.body["events"], json!([own]), "{dialect}");
        assert_unbindable(&api.post("/api/webhooks", body(other)).await, "$.events[0]");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn answers_carry_the_type_discriminator_where_the_vendor_client_decodes_it() {
    for dialect in Dialect::ALL_STRICT {
        let api = Api::start_in(dialect).await;
        let customer = api.create_customer(TCKN).await;
        api.create_vehicle(&customer).await;
        let body = api
            .get(&format!("/api/customers/{customer}"))
            .await
            .expect(200)
            .body;
        assert_eq!(body["type"], "INDIVIDUAL");
        let assets = api
            .get(&format!("/api/customers/{customer}/assets"))
            .await
            .expect(200)
            .body;
        if dialect == Dialect::Guide {
            assert!(body.get("$type").is_none(), "{body}");
            assert_eq!(assets[0]["type"], "VEHICLE");
            assert!(assets[0].get("$type").is_none());
        } else {
            assert_eq!(body["$type"], "individual", "{dialect}");
            assert_eq!(assets[0]["$type"], "vehicle");
        }
        assert_eq!(assets[0]["plate"], json!({"city": 34, "code": "ABC123"}));
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn invalid_input_is_a_400_in_the_guide_and_a_422_where_the_oauth_docs_say_so() {
    for dialect in Dialect::ALL_STRICT {
        let api = Api::start_in(dialect).await;
        let reply = api
            .post(
                "/api/customers",
                json!({"$type": "individual", "identityNumber": "11111111111"}),
            )
            .await;
        let status = if dialect.splits_auth_origin() {
            422
        } else {
            400
        };
        let reply = reply.expect_problem(status, "INPUT_VALIDATION");
        assert_eq!(
            reply.body["type"],
            "https://api.insurup.com/problems/input-validation"
        );
        assert_eq!(reply.field_errors(), ["identityNumber"], "{dialect}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_body_that_cannot_bind_gets_asp_net_cores_validation_problem() {
    for dialect in Dialect::ALL_STRICT {
        let api = Api::start_in(dialect).await;
        let unknown = api
            .post(
                "/api/customers",
                json!({"$type": "individual", "identityNumber": TCKN, "nickname": "x"}),
            )
            .await;
        assert_unbindable(&unknown, "$.nickname");
        let wrong_type = api
            .post(
                "/api/authentication:agent-user/refresh",
                json!({"refreshToken": 42}),
            )
            .await;
        assert_unbindable(&wrong_type, "$.refreshToken");
        let not_json = Reply::from(
            api.http
                .post(api.url("/api/customers"))
                .bearer_auth(&api.token)
                .header("content-type", "application/json")
                .body("{not json")
                .send()
                .await
                .expect("request"),
        )
        .await;
        assert_unbindable(&not_json, "$");
        let unknown_kind = api
            .post(
                "/api/customers",
                json!({"$type": "robot", "identityNumber": TCKN}),
            )
            .await;
        assert_unbindable(&unknown_kind, "$");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn test_controls_answer_the_same_in_every_dialect() {
    for dialect in Dialect::ALL_STRICT {
        let api = Api::start_in(dialect).await;
        api.control(
            "/__sandbox/faults",
            json!({"method": "GET", "path": "/x", "bogus": 1}),
        )
        .await
        .expect_problem(400, "INPUT_VALIDATION");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn products_assets_and_kasko_coverage_choices_are_served() {
    for dialect in Dialect::ALL_STRICT {
        let api = Api::start_in(dialect).await;
        let products = api.get("/api/products").await.expect(200).body;
        let first = &products[0];
        assert!(
            first["id"].is_u64() && first["insuranceCompanyId"].is_u64(),
            "{first}"
        );
        assert_eq!(first["type"], "WEB_SERVICE");
        let choices = api
            .get("/api/coverage-choices:kasko")
            .await
            .expect(200)
            .body;
        let all = choices.as_array().map(Vec::len).unwrap_or_default();
        assert!(all > 1, "{choices}");
        assert!(choices[0]["coverageChoices"].is_object());
        // The kasko guide filters by insurer; elsewhere the parameter is not bound (ASP.NET
        // ignores unknown query parameters).
        let by_company = api
            .get("/api/coverage-choices:kasko?insuranceCompanyId=7")
            .await
            .expect(200)
            .body;
        let expected = if dialect == Dialect::Guide { 1 } else { all };
        assert_eq!(
            by_company.as_array().map(Vec::len),
            Some(expected),
            "{dialect}"
        );
        // The vendor client sends the utilization style as its integer ordinal; a name cannot bind.
        if dialect != Dialect::Guide {
            api.get("/api/coverage-choices:kasko?vehicleUtilizationStyle=1")
                .await
                .expect(200);
            let named = api
                .get("/api/coverage-choices:kasko?vehicleUtilizationStyle=PRIVATE_CAR")
                .await;
            assert_unbindable(&named, "vehicleUtilizationStyle");
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn premium_and_form_paths_and_the_retry_verb_follow_the_dialect() {
    for dialect in Dialect::ALL_STRICT {
        let api = Api::start_in(dialect).await;
        let (proposal, product) = api.quoted_product().await;
        let base = format!(
            "/api/proposals/{proposal}/products/{}",
            product["id"].as_str().unwrap_or_default()
        );
        let guide = dialect == Dialect::Guide;
        let (premium_own, premium_other) = if guide {
            ("premiums/1", "premium-detail/1")
        } else {
            ("premium-detail/1", "premiums/1")
        };
        api.get(&format!("{base}/{premium_own}")).await.expect(200);
        api.get(&format!("{base}/{premium_other}"))
            .await
            .expect_problem(404, "ENDPOINT_NOT_FOUND");
        let (form_own, form_other) = if guide {
            ("information-form-document", "information-form")
        } else {
            ("information-form", "information-form-document")
        };
        api.get(&format!("{base}/{form_own}")).await.expect(200);
        api.get(&format!("{base}/{form_other}"))
            .await
            .expect_problem(404, "ENDPOINT_NOT_FOUND");
        // Retrying an ACTIVE product is refused (409) on the verbs the dialect serves, and the
        // GET the kasko guide uses is not a route of the vendor client's API.
        let get = api.get(&format!("{base}/retry")).await;
        if guide {
            get.expect_problem(409, "PROPOSAL_PRODUCT_NOT_RETRYABLE");
        } else {
            get.expect_problem(405, "METHOD_NOT_ALLOWED");
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn every_dialect_accepts_agent_user_login_and_customer_creation_alike() {
    for dialect in Dialect::ALL_STRICT {
        let api = Api::start_with(SandboxConfig {
            dialect,
            ..SandboxConfig::for_tests()
        })
        .await;
        let id = api.create_customer(TCKN).await;
        let body: Value = api
            .get(&format!("/api/customers/{id}"))
            .await
            .expect(200)
            .body;
        assert_eq!(body["fullName"], "AHMET YILMAZ", "{dialect}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_uavt_address_lookup_is_a_get_in_the_guide_and_a_post_elsewhere() {
    for dialect in Dialect::ALL_STRICT {
        let api = Api::start_in(dialect).await;
        let path = "/api/properties/query-address-by-property-number";
        let by_get = api.get(&format!("{path}?propertyNumber=1111010101")).await;
        let by_post = api.post(path, json!({"propertyNumber": 1111010101})).await;
        let (served, refused) = if dialect == Dialect::Guide {
            (by_get, by_post)
        } else {
            (by_post, by_get)
        };
        let address = served.expect(200).body;
        assert_eq!(
            address["city"],
            json!({"value": "34", "text": "İSTANBUL"}),
            "{dialect}"
        );
        assert_eq!(address["apartment"]["value"], "1111010101");
        refused.expect_problem(405, "METHOD_NOT_ALLOWED");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn every_case_create_answers_an_object_in_the_guide_and_a_bare_id_elsewhere() {
    for dialect in Dialect::ALL_STRICT {
        let api = Api::start_in(dialect).await;
        let (proposal, product) = api.quoted_product().await;
        let bought = api
            .purchase(
                &proposal,
                product["id"].as_str().unwrap_or_default(),
                "4242424242424242",
                1,
            )
            .await
            .expect(200);
        let policy = bought.body["policyId"]
            .as_str()
            .unwrap_or_default()
            .to_owned();
        let customer = api
            .get(&format!("/api/policies/{policy}"))
            .await
            .expect(200)
            .body["insurerCustomerId"]
            .as_str()
            .unwrap_or_default()
            .to_owned();
        let sale = api
            .post(
                "/api/cases:new-sale-opportunity",
                json!({"customerId": customer, "productBranch": "DASK"}),
            )
            .await
            .expect(200)
            .body;
        let sale_id = if dialect == Dialect::Guide {
            sale["id"].clone()
        } else {
            sale.clone()
        };
        for (path, body) in [
            (
                "/api/cases:cross-sale-opportunity",
                json!({"sourceCaseId": sale_id, "customerId": customer, "productBranch": "KONUT"}),
            ),
            (
                "/api/cases:cancel",
                json!({"policyId": policy, "subType": "ONLINE_CANCELLATION_REFUND"}),
            ),
            (
                "/api/cases:endorsement",
                json!({"policyId": policy, "subType": "COVERAGE_CHANGE"}),
            ),
            (
                "/api/cases:complaint",
                json!({"customerId": customer, "subType": "FRAUD"}),
            ),
        ] {
            let answer = api.post(path, body).await.expect(200).body;
            let id = if dialect == Dialect::Guide {
                assert_eq!(
                    answer.as_object().map(|o| o.len()),
                    Some(1),
                    "{path}: {answer}"
                );
                answer["id"].as_str().map(str::to_owned)
            } else {
                answer.as_str().map(str::to_owned)
            };
            let id = id.unwrap_or_else(|| panic!("{dialect} {path}: no case id in {answer}"));
            api.get(&format!("/api/cases/{id}")).await.expect(200);
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_comparison_pdf_is_a_get_in_the_guide_and_a_post_elsewhere() {
    for dialect in Dialect::ALL_STRICT {
        let api = Api::start_in(dialect).await;
        let (proposal, product) = api.quoted_product().await;
        let product = product["id"].as_str().unwrap_or_default().to_owned();
        let path = format!("/api/proposals/{proposal}/products/compare-pdf");
        let by_get = api
            .get(&format!("{path}?proposalProductIds={product}"))
            .await;
        let by_post = api
            .post(
                &path,
                json!({"proposalId": proposal, "proposalProductIds": [product], "excludedCoverageFields": []}),
            )
            .await;
        let (served, refused) = if dialect == Dialect::Guide {
            (by_get, by_post)
        } else {
            (by_post, by_get)
        };
        let url = served.expect(200).body["url"]
            .as_str()
            .unwrap_or_default()
            .to_owned();
        assert!(url.ends_with(".pdf"), "{dialect}: {url}");
        refused.expect_problem(405, "METHOD_NOT_ALLOWED");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_policys_branch_is_set_with_post_in_the_guide_and_put_elsewhere() {
    for dialect in Dialect::ALL_STRICT {
        let api = Api::start_in(dialect).await;
        let (proposal, product) = api.quoted_product().await;
        let bought = api
            .purchase(
                &proposal,
                product["id"].as_str().unwrap_or_default(),
                "4242424242424242",
                1,
            )
            .await
            .expect(200);
        let policy = bought.body["policyId"]
            .as_str()
            .unwrap_or_default()
            .to_owned();
        let path = format!("/api/policies/{policy}/branch");
        let body = json!({"policyId": policy, "branchId": BRANCH_ID});
        let by_post = api.post(&path, body.clone()).await;
        let by_put = api.put(&path, body).await;
        let (served, refused) = if dialect == Dialect::Guide {
            (by_post, by_put)
        } else {
            (by_put, by_post)
        };
        served.expect(204);
        refused.expect_problem(405, "METHOD_NOT_ALLOWED");
    }
}
