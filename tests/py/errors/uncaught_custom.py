# A user-defined exception escaping to the top level is reported by its bare class name.
class ConfigurationError(Exception):
    pass
def load(settings):
    if "port" not in settings:
        raise ConfigurationError("port is required")
    return settings["port"]
print(load({"port": 80}))
print(load({}))
