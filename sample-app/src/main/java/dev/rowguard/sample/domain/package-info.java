/**
 * The cloud-migration platform's entities. Tenancy is hierarchical: a client account owns engagements, and an
 * engagement owns the assets, dependencies, imports and discovery flows found in it.
 */
@TenantKey(column = "client_account_id", entity = ClientAccount.class)
@TenantKey(column = "engagement_id", entity = Engagement.class)
package dev.rowguard.sample.domain;

import dev.rowguard.annotations.TenantKey;
