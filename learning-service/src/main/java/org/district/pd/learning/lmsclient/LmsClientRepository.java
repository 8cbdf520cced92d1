package org.district.pd.learning.lmsclient;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;

@ApplicationScoped
@WithSession
public class LmsClientRepository implements PanacheRepositoryBase<LmsClient, String> {
}
