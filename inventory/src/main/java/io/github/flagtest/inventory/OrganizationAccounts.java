package io.github.flagtest.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.AccountStatus;

/**
 * The accounts of an AWS Organization as sources: Organizations {@code ListAccounts} (every page)
 * with the organization source's credentials, then one source per {@code ACTIVE} account that
 * assumes {@code arn:<partition>:iam::<account>:role/<roleName>} with those credentials, in the same
 * region and at the same endpoint. Named {@code <source>/<account name>} (the account ID where two
 * accounts share a name). Source: https://docs.aws.amazon.com/organizations/latest/APIReference/API_ListAccounts.html
 */
final class OrganizationAccounts {

    private OrganizationAccounts() {}

    static List<InventoryConfig.Source> members(InventoryConfig.Source organization) {
        String roleName = organization.organization().orElseThrow().roleName();
        List<Account> accounts;
        try (OrganizationsClient client = SourceClients.organizations(organization)) {
            accounts = client.listAccountsPaginator(r -> {}).stream()
                    .flatMap(page -> page.accounts().stream())
                    .filter(account -> account.status() == AccountStatus.ACTIVE)
                    .toList();
        }
        Map<String, Long> names = accounts.stream()
                .collect(Collectors.groupingBy(account -> String.valueOf(account.name()), Collectors.counting()));
        List<InventoryConfig.Source> members = new ArrayList<>();
        for (Account account : accounts) {
            boolean unique = account.name() != null && names.get(account.name()) == 1;
            String partition = account.arn() == null ? "aws" : account.arn().split(":")[1];
            members.add(new InventoryConfig.Source(
                    organization.name() + "/" + (unique ? account.name() : account.id()),
                    organization.region(),
                    organization.profile(),
                    Optional.of("arn:" + partition + ":iam::" + account.id() + ":role/" + roleName),
                    organization.endpoint()));
        }
        return members;
    }
}
