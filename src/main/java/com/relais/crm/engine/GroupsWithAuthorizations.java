package com.relais.crm.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * Which of a user's groups hold any authorization, asked of the database by the group's index instead of by reading
 * the whole authorization table.
 *
 * <p>Before each authorization check the engine narrows the user's groups to those that appear in
 * {@code ACT_RU_AUTHORIZATION}, and it finds them with {@code select distinct GROUP_ID_} over the whole table, once
 * per command. That table grows with every finished task here: the historic task permissions that keep a task's
 * comments readable in Tasklist after it ends (enableHistoricInstancePermissions) stay until history cleanup, about
 * thirteen rows a deal. So the query's cost grew with the number of deals ever made, on every command of every user:
 * 0.67 ms at 7,000 rows against 0.12 ms at 1,300 in scenario A, twenty times a deal (docs/performance.md).
 *
 * <p>Here a group is looked up by its index ({@code ACT_IDX_AUTH_GROUP_ID}), and a group found to hold an
 * authorization is remembered for the engine's life. Remembering is safe because the narrowing only leaves out groups
 * that could match no authorization: a remembered group whose authorizations were all deleted since matches nothing,
 * so keeping it changes no answer. A group found without any is asked again at the next command, so an
 * authorization granted to it, on this node or another, counts at once.
 */
@Component
class GroupsWithAuthorizations extends AbstractProcessEnginePlugin {
  private final Set<String> known = ConcurrentHashMap.newKeySet();

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<SessionFactory> factories = configuration.getCustomSessionFactories() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomSessionFactories());
    String table = (configuration.getDatabaseTablePrefix() == null ? "" : configuration.getDatabaseTablePrefix())
        + "ACT_RU_AUTHORIZATION";
    factories.add(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return AuthorizationManager.class;
      }

      @Override
      public Session openSession() {
        return new GroupsByIndex(known, table);
      }
    });
    configuration.setCustomSessionFactories(factories);
  }

  /** The engine's authorization manager, but for how it narrows a user's groups. */
  static class GroupsByIndex extends AuthorizationManager {
    private final Set<String> known;
    private final String table;

    GroupsByIndex(Set<String> known, String table) {
      this.known = known;
      this.table = table;
    }

    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> groups) {
      if (groups == null || groups.isEmpty()) {
        return super.filterAuthenticatedGroupIds(groups);
      }
      List<String> holding = new ArrayList<>();
      for (String group : groups) {
        if (group != null && !holding.contains(group) && (known.contains(group) || holdsAny(group))) {
          holding.add(group);
        }
      }
      return holding;
    }

    private boolean holdsAny(String group) {
      Connection connection = getDbSqlSession().getSqlSession().getConnection();
      try (PreparedStatement query = connection.prepareStatement(
          "select 1 from " + table + " where GROUP_ID_ = ?")) {
        query.setMaxRows(1);
        query.setString(1, group);
        try (ResultSet found = query.executeQuery()) {
          if (found.next()) {
            known.add(group);
            return true;
          }
          return false;
        }
      } catch (SQLException failed) {
        throw new ProcessEngineException("Could not read the authorizations of group " + group, failed);
      }
    }
  }
}
