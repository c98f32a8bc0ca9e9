package coach.store;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.TreeMap;

/**
 * A connection whose prepared statements tell a {@link Db.Watcher} what they run, with their
 * values, each time they run (or are added to a batch). Only when a watcher is set: the tests
 * that pin every statement of the board and the alert scan to an index use it.
 */
final class Watched {
  private Watched() {}

  static Connection connection(Connection c, Db.Watcher w) {
    return (Connection) Proxy.newProxyInstance(Watched.class.getClassLoader(),
        new Class<?>[] {Connection.class}, (proxy, m, args) -> {
          Object out = call(c, m, args);
          if (out instanceof PreparedStatement p && m.getName().equals("prepareStatement")) {
            return statement(p, (String) args[0], w);
          }
          return out;
        });
  }

  private static PreparedStatement statement(PreparedStatement p, String sql, Db.Watcher w) {
    TreeMap<Integer, Object> values = new TreeMap<>();
    InvocationHandler h = (proxy, m, args) -> {
      String name = m.getName();
      if (name.equals("setNull") && args[0] instanceof Integer i) {
        values.put(i, null);
      } else if (name.startsWith("set") && args != null && args.length >= 2
          && args[0] instanceof Integer i) {
        values.put(i, args[1]);
      } else if (name.startsWith("execute") || name.equals("addBatch")) {
        if (!name.equals("executeBatch")) {
          w.ran(sql, new ArrayList<>(values.values()));
        }
      }
      return call(p, m, args);
    };
    return (PreparedStatement) Proxy.newProxyInstance(Watched.class.getClassLoader(),
        new Class<?>[] {PreparedStatement.class}, h);
  }

  private static Object call(Object target, java.lang.reflect.Method m, Object[] args)
      throws Throwable {
    try {
      return m.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
