package org.district.pd.plan;

import org.district.pd.platform.testing.ServiceFoundationContract;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ServiceFoundationTest extends ServiceFoundationContract {

    @Override
    protected String area() {
        return "plans";
    }
}
