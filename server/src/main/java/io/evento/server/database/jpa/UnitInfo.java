package io.evento.server.database.jpa;

import jakarta.persistence.SharedCacheMode;
import jakarta.persistence.ValidationMode;
import jakarta.persistence.spi.ClassTransformer;
import jakarta.persistence.spi.PersistenceUnitInfo;
import jakarta.persistence.spi.PersistenceUnitTransactionType;

import javax.sql.DataSource;
import java.net.URL;
import java.util.List;
import java.util.Properties;

/**
 * The persistence unit as the application describes it to the provider (what a container reads
 * from {@code persistence.xml}): the listed entities only, no second-level cache (every instance of
 * the cluster writes the same tables), no bean validation, no class transformation.
 */
record UnitInfo(String name, String providerClassName, PersistenceUnitTransactionType transactionType, DataSource dataSource,
                List<String> managedClassNames, Properties properties, ClassLoader classLoader) implements PersistenceUnitInfo {

    @Override
    public String getPersistenceUnitName() {
        return name;
    }

    @Override
    public String getPersistenceProviderClassName() {
        return providerClassName;
    }

    @Override
    public PersistenceUnitTransactionType getTransactionType() {
        return transactionType;
    }

    @Override
    public DataSource getJtaDataSource() {
        return transactionType == PersistenceUnitTransactionType.JTA ? dataSource : null;
    }

    @Override
    public DataSource getNonJtaDataSource() {
        return transactionType == PersistenceUnitTransactionType.JTA ? null : dataSource;
    }

    @Override
    public List<String> getMappingFileNames() {
        return List.of();
    }

    @Override
    public List<URL> getJarFileUrls() {
        return List.of();
    }

    @Override
    public URL getPersistenceUnitRootUrl() {
        // the root the entities are loaded from (WEB-INF/classes/ or a jar's root), as a directory URL
        String self = UnitInfo.class.getName().replace('.', '/') + ".class";
        String url = UnitInfo.class.getClassLoader().getResource(self).toExternalForm();
        try {
            return new URL(url.substring(0, url.length() - self.length()));
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException("no root URL for the persistence unit: " + url, e);
        }
    }

    @Override
    public List<String> getManagedClassNames() {
        return managedClassNames;
    }

    @Override
    public boolean excludeUnlistedClasses() {
        return true;
    }

    @Override
    public SharedCacheMode getSharedCacheMode() {
        return SharedCacheMode.NONE;
    }

    @Override
    public ValidationMode getValidationMode() {
        return ValidationMode.NONE;
    }

    @Override
    public Properties getProperties() {
        return properties;
    }

    @Override
    public String getPersistenceXMLSchemaVersion() {
        return "3.0";
    }

    @Override
    public ClassLoader getClassLoader() {
        return classLoader;
    }

    @Override
    public void addTransformer(ClassTransformer transformer) {
        // no weaving or enhancement: the entities are plain classes (eclipselink.weaving=false)
    }

    @Override
    public ClassLoader getNewTempClassLoader() {
        return classLoader;
    }

    /** Jakarta Persistence 3.2 (WildFly 38) asks for these; a 3.1 provider never calls them. */
    public String getScopeAnnotationName() {
        return null;
    }

    /** Jakarta Persistence 3.2 (WildFly 38) asks for these; a 3.1 provider never calls them. */
    public List<String> getQualifierAnnotationNames() {
        return List.of();
    }
}
