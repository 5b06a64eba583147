"""Command-line parsing: `ArgumentParser`, its actions, help and usage text, and errors.

Written for krait from CPython 3.11's documentation, to give the same results, help layout
(`usage: prog [-h] [--foo FOO] bar`, "positional arguments:", "options:") and error exits
(usage and `prog: error: …` on standard error, status 2) for what scripts commonly use:
positional and optional arguments with `nargs`, `type`, `choices`, `default`, `required`,
`dest`, `metavar` and `help`; the store, store_const, store_true/false, append,
append_const, count, help, version and BooleanOptionalAction actions; argument groups,
mutually exclusive groups, subcommands (`add_subparsers`), `parse_known_args`,
`set_defaults`, and the raw and defaults-showing help formatters.

Positionals are matched after the options are taken out, in order, each getting at least
what its `nargs` needs (CPython matches them in runs between options; the results agree
except in contrived interleavings of optional positionals and options).
"""

import sys as _sys

__all__ = ['ArgumentParser', 'ArgumentError', 'ArgumentTypeError', 'BooleanOptionalAction',
           'FileType', 'HelpFormatter', 'ArgumentDefaultsHelpFormatter',
           'RawDescriptionHelpFormatter', 'RawTextHelpFormatter', 'MetavarTypeHelpFormatter',
           'Namespace', 'Action', 'ONE_OR_MORE', 'OPTIONAL', 'PARSER', 'REMAINDER',
           'SUPPRESS', 'ZERO_OR_MORE']

SUPPRESS = '==SUPPRESS=='
OPTIONAL = '?'
ZERO_OR_MORE = '*'
ONE_OR_MORE = '+'
PARSER = 'A...'
REMAINDER = '...'


class _AttributeHolder:
    def __repr__(self):
        parts = [repr(arg) for arg in self._get_args()]
        for name, value in self._get_kwargs():
            if name.isidentifier():
                parts.append(f'{name}={value!r}')
            else:
                parts.append(f'**{{{name!r}: {value!r}}}')
        return f'{type(self).__name__}({", ".join(parts)})'

    def _get_kwargs(self):
        return list(self.__dict__.items())

    def _get_args(self):
        return []


class Namespace(_AttributeHolder):
    """The parsed arguments, as attributes."""

    def __init__(self, **kwargs):
        for name, value in kwargs.items():
            setattr(self, name, value)

    def __eq__(self, other):
        if not isinstance(other, Namespace):
            return NotImplemented
        return vars(self) == vars(other)

    def __contains__(self, key):
        return key in self.__dict__


class ArgumentError(Exception):
    """An error about one argument (its name is part of the message)."""

    def __init__(self, argument, message):
        self.argument_name = _argument_name(argument)
        self.message = message

    def __str__(self):
        if self.argument_name is None:
            return self.message
        return f'argument {self.argument_name}: {self.message}'


class ArgumentTypeError(Exception):
    """Raised by `type` functions to report a bad value with their own message."""


def _argument_name(argument):
    if argument is None:
        return None
    if argument.option_strings:
        return '/'.join(argument.option_strings)
    if argument.metavar not in (None, SUPPRESS):
        return argument.metavar if isinstance(argument.metavar, str) else \
            '/'.join(argument.metavar)
    if argument.dest not in (None, SUPPRESS):
        return argument.dest
    if argument.choices:
        return '{' + ','.join(argument.choices) + '}'
    return None


# Actions ----------------------------------------------------------------------------------

class Action(_AttributeHolder):
    """What to do with an argument when it is found."""

    def __init__(self, option_strings, dest, nargs=None, const=None, default=None,
                 type=None, choices=None, required=False, help=None, metavar=None):
        self.option_strings = option_strings
        self.dest = dest
        self.nargs = nargs
        self.const = const
        self.default = default
        self.type = type
        self.choices = choices
        self.required = required
        self.help = help
        self.metavar = metavar

    def _get_kwargs(self):
        names = ['option_strings', 'dest', 'nargs', 'const', 'default', 'type', 'choices',
                 'required', 'help', 'metavar']
        return [(name, getattr(self, name)) for name in names]

    def format_usage(self):
        return self.option_strings[0]

    def __call__(self, parser, namespace, values, option_string=None):
        raise NotImplementedError('.__call__() not defined')


class _StoreAction(Action):
    def __init__(self, option_strings, dest, nargs=None, const=None, default=None, type=None,
                 choices=None, required=False, help=None, metavar=None):
        if nargs == 0:
            raise ValueError('nargs for store actions must be != 0; if you have nothing to '
                             'store, actions such as store true or store const may be more '
                             'appropriate')
        if const is not None and nargs != OPTIONAL:
            raise ValueError(f'nargs must be {OPTIONAL!r} to supply const')
        super().__init__(option_strings, dest, nargs, const, default, type, choices, required,
                         help, metavar)

    def __call__(self, parser, namespace, values, option_string=None):
        setattr(namespace, self.dest, values)


class _StoreConstAction(Action):
    def __init__(self, option_strings, dest, const=None, default=None, required=False,
                 help=None, metavar=None):
        super().__init__(option_strings, dest, nargs=0, const=const, default=default,
                         required=required, help=help)

    def __call__(self, parser, namespace, values, option_string=None):
        setattr(namespace, self.dest, self.const)


class _StoreTrueAction(_StoreConstAction):
    def __init__(self, option_strings, dest, default=False, required=False, help=None):
        super().__init__(option_strings, dest, True, default, required, help)


class _StoreFalseAction(_StoreConstAction):
    def __init__(self, option_strings, dest, default=True, required=False, help=None):
        super().__init__(option_strings, dest, False, default, required, help)


class _AppendAction(Action):
    def __init__(self, option_strings, dest, nargs=None, const=None, default=None, type=None,
                 choices=None, required=False, help=None, metavar=None):
        if nargs == 0:
            raise ValueError('nargs for append actions must be != 0; if arg strings are not '
                             'supplying the value to append, the append const action may be '
                             'more appropriate')
        super().__init__(option_strings, dest, nargs, const, default, type, choices, required,
                         help, metavar)

    def __call__(self, parser, namespace, values, option_string=None):
        items = getattr(namespace, self.dest, None)
        items = [] if items is None else list(items)
        items.append(values)
        setattr(namespace, self.dest, items)


class _AppendConstAction(Action):
    def __init__(self, option_strings, dest, const=None, default=None, required=False,
                 help=None, metavar=None):
        super().__init__(option_strings, dest, nargs=0, const=const, default=default,
                         required=required, help=help, metavar=metavar)

    def __call__(self, parser, namespace, values, option_string=None):
        items = getattr(namespace, self.dest, None)
        items = [] if items is None else list(items)
        items.append(self.const)
        setattr(namespace, self.dest, items)


class _CountAction(Action):
    def __init__(self, option_strings, dest, default=None, required=False, help=None):
        super().__init__(option_strings, dest, nargs=0, default=default, required=required,
                         help=help)

    def __call__(self, parser, namespace, values, option_string=None):
        count = getattr(namespace, self.dest, None)
        setattr(namespace, self.dest, (count or 0) + 1)


class _HelpAction(Action):
    def __init__(self, option_strings, dest=SUPPRESS, default=SUPPRESS, help=None):
        super().__init__(option_strings, dest, nargs=0, default=default, help=help)

    def __call__(self, parser, namespace, values, option_string=None):
        parser.print_help()
        parser.exit()


class _VersionAction(Action):
    def __init__(self, option_strings, version=None, dest=SUPPRESS, default=SUPPRESS,
                 help="show program's version number and exit"):
        super().__init__(option_strings, dest, nargs=0, default=default, help=help)
        self.version = version

    def __call__(self, parser, namespace, values, option_string=None):
        version = self.version
        if version is None:
            version = parser.version
        formatter = parser._get_formatter()
        formatter.add_text(version)
        parser._print_message(formatter.format_help(), _sys.stdout)
        parser.exit()


class BooleanOptionalAction(Action):
    """`--flag` / `--no-flag` pairs setting True / False."""

    def __init__(self, option_strings, dest, default=None, type=None, choices=None,
                 required=False, help=None, metavar=None):
        strings = []
        for option_string in option_strings:
            strings.append(option_string)
            if option_string.startswith('--'):
                strings.append('--no-' + option_string[2:])
        super().__init__(strings, dest, nargs=0, default=default, type=type, choices=choices,
                         required=required, help=help, metavar=metavar)

    def __call__(self, parser, namespace, values, option_string=None):
        if option_string in self.option_strings:
            setattr(namespace, self.dest, not option_string.startswith('--no-'))

    def format_usage(self):
        return ' | '.join(self.option_strings)


class _ChoicesPseudoAction(Action):
    def __init__(self, name, aliases, help):
        metavar = dest = name
        if aliases:
            metavar += f' ({", ".join(aliases)})'
        super().__init__(option_strings=[], dest=dest, help=help, metavar=metavar)


class _SubParsersAction(Action):
    """`add_subparsers()`: the first positional names a subcommand with its own parser."""

    def __init__(self, option_strings, prog, parser_class, dest=SUPPRESS, required=False,
                 help=None, metavar=None):
        self._prog_prefix = prog
        self._parser_class = parser_class
        self._name_parser_map = {}
        self._choices_actions = []
        super().__init__(option_strings=option_strings, dest=dest, nargs=PARSER,
                         choices=self._name_parser_map, required=required, help=help,
                         metavar=metavar)

    def add_parser(self, name, **kwargs):
        """Adds a subcommand; the keyword arguments go to its ArgumentParser."""
        if kwargs.get('prog') is None:
            kwargs['prog'] = f'{self._prog_prefix} {name}'
        aliases = kwargs.pop('aliases', ())
        if name in self._name_parser_map:
            raise ArgumentError(self, f'conflicting subparser: {name}')
        if 'help' in kwargs:
            help_text = kwargs.pop('help')
            self._choices_actions.append(_ChoicesPseudoAction(name, aliases, help_text))
        parser = self._parser_class(**kwargs)
        self._name_parser_map[name] = parser
        for alias in aliases:
            self._name_parser_map[alias] = parser
        return parser

    def _get_subactions(self):
        return self._choices_actions

    def __call__(self, parser, namespace, values, option_string=None):
        name = values[0]
        rest = values[1:]
        if self.dest is not SUPPRESS:
            setattr(namespace, self.dest, name)
        try:
            subparser = self._name_parser_map[name]
        except KeyError:
            choices = ', '.join(map(repr, self._name_parser_map))
            raise ArgumentError(self, f'invalid choice: {name!r} (choose from {choices})')
        sub_namespace, extras = subparser.parse_known_args(rest, None)
        for key, value in vars(sub_namespace).items():
            setattr(namespace, key, value)
        if extras:
            namespace.__dict__.setdefault('_UNRECOGNIZED_ARGS', [])
            namespace._UNRECOGNIZED_ARGS.extend(extras)


class FileType:
    """A `type` that opens the named file ('-' is standard input or output)."""

    def __init__(self, mode='r', bufsize=-1, encoding=None, errors=None):
        self._mode = mode
        self._encoding = encoding
        self._errors = errors

    def __call__(self, string):
        if string == '-':
            if 'r' in self._mode:
                return _sys.stdin
            return _sys.stdout
        try:
            return open(string, self._mode, encoding=self._encoding, errors=self._errors)
        except OSError as error:
            raise ArgumentTypeError(f"can't open '{string}': {error}")

    def __repr__(self):
        return f'{type(self).__name__}({self._mode!r})'


# Help formatting --------------------------------------------------------------------------

def _wrap(text, width, indent=''):
    import textwrap
    return textwrap.wrap(text, width, initial_indent=indent, subsequent_indent=indent)


def _collapse_whitespace(text):
    return ' '.join(text.split())


class HelpFormatter:
    """Lays out usage and help text: help starts at column `max_help_position` at most,
    lines are `width` wide (the terminal's columns minus 2, or $COLUMNS)."""

    def __init__(self, prog, indent_increment=2, max_help_position=24, width=None):
        if width is None:
            width = _terminal_columns() - 2
        self._prog = prog
        self._indent_increment = indent_increment
        self._max_help_position = min(max_help_position,
                                      max(width - 20, indent_increment * 2))
        self._width = width
        self._current_indent = 0
        self._action_max_length = 0
        self._parts = []

    # What the parser adds.

    def add_usage(self, usage, actions, groups, prefix=None):
        if usage is not SUPPRESS:
            self._parts.append(self._format_usage(usage, actions, groups, prefix))

    def add_text(self, text):
        if text is not SUPPRESS and text is not None:
            self._parts.append(self._format_text(text))

    def start_section(self, heading):
        self._section_heading = heading
        self._section_items = []

    def add_argument(self, action):
        if action.help is SUPPRESS:
            return
        invocations = [self._format_action_invocation(action)]
        for subaction in self._iter_subactions(action):
            invocations.append(self._format_action_invocation(subaction))
        length = max(len(text) for text in invocations) + self._current_indent + \
            self._indent_increment
        self._action_max_length = max(self._action_max_length, length)
        self._section_items.append(action)

    def add_arguments(self, actions):
        for action in actions:
            self.add_argument(action)

    def end_section(self):
        self._parts.append(('section', self._section_heading, self._section_items,
                            getattr(self, '_section_description', None)))
        self._section_description = None

    def format_help(self):
        pieces = []
        for part in self._parts:
            if isinstance(part, tuple):
                _, heading, items, description = part
                text = self._format_section(heading, items, description)
                if text:
                    pieces.append(text)
            elif part:
                pieces.append(part)
        help_text = '\n'.join(pieces)
        # Collapse runs of blank lines, trim the end to one newline.
        while '\n\n\n' in help_text:
            help_text = help_text.replace('\n\n\n', '\n\n')
        help_text = help_text.strip('\n')
        return help_text + '\n' if help_text else ''

    # Layout.

    def _format_section(self, heading, items, description):
        self._current_indent += self._indent_increment
        lines = []
        if description:
            lines.append(self._format_text(description))
        for action in items:
            lines.append(self._format_action(action))
        self._current_indent -= self._indent_increment
        body = ''.join(lines)
        if not body:
            return ''
        header = f'{" " * self._current_indent}{heading}:\n' if heading is not SUPPRESS \
            and heading is not None else ''
        return header + body + '\n'

    def _format_text(self, text):
        if '%(prog)' in text:
            text = text % dict(prog=self._prog)
        text_width = max(self._width - self._current_indent, 11)
        indent = ' ' * self._current_indent
        return self._fill_text(text, text_width, indent) + '\n\n'

    def _fill_text(self, text, width, indent):
        return '\n'.join(_wrap(_collapse_whitespace(text), width, indent))

    def _split_lines(self, text, width):
        return _wrap(_collapse_whitespace(text), width)

    def _format_action(self, action):
        help_position = min(self._action_max_length + 2, self._max_help_position)
        help_width = max(self._width - help_position, 11)
        action_width = help_position - self._current_indent - 2
        header = self._format_action_invocation(action)
        indent_first = 0
        if not action.help:
            header = f'{" " * self._current_indent}{header}\n'
        elif len(header) <= action_width:
            header = f'{" " * self._current_indent}{header:<{action_width}}  '
        else:
            header = f'{" " * self._current_indent}{header}\n'
            indent_first = help_position
        parts = [header]
        if action.help and action.help.strip():
            help_text = self._expand_help(action)
            if help_text:
                help_lines = self._split_lines(help_text, help_width)
                parts.append(f'{" " * indent_first}{help_lines[0]}\n')
                for line in help_lines[1:]:
                    parts.append(f'{" " * help_position}{line}\n')
        elif not header.endswith('\n'):
            parts.append('\n')
        self._current_indent += self._indent_increment
        for subaction in self._iter_subactions(action):
            parts.append(self._format_action(subaction))
        self._current_indent -= self._indent_increment
        return ''.join(parts)

    def _iter_subactions(self, action):
        getter = getattr(action, '_get_subactions', None)
        return getter() if getter is not None else []

    def _expand_help(self, action):
        values = dict(vars(action), prog=self._prog)
        for name in list(values):
            if values[name] is SUPPRESS:
                del values[name]
        for name in list(values):
            if hasattr(values[name], '__name__'):
                values[name] = values[name].__name__
        if values.get('choices') is not None:
            values['choices'] = ', '.join([str(c) for c in values['choices']])
        return self._get_help_string(action) % values

    def _get_help_string(self, action):
        return action.help

    def _metavar_formatter(self, action, default_metavar):
        if action.metavar is not None:
            result = action.metavar
        elif action.choices is not None:
            result = '{' + ','.join(map(str, action.choices)) + '}'
        else:
            result = default_metavar

        def format(tuple_size):
            if isinstance(result, tuple):
                return result
            return (result,) * tuple_size
        return format

    def _format_args(self, action, default_metavar):
        get_metavar = self._metavar_formatter(action, default_metavar)
        nargs = action.nargs
        if nargs is None:
            return '%s' % get_metavar(1)
        if nargs == OPTIONAL:
            return '[%s]' % get_metavar(1)
        if nargs == ZERO_OR_MORE:
            metavar = get_metavar(1)
            if len(metavar) == 2:
                return '[%s [%s ...]]' % metavar
            return '[%s ...]' % metavar
        if nargs == ONE_OR_MORE:
            return '%s [%s ...]' % get_metavar(2)
        if nargs == REMAINDER:
            return '...'
        if nargs == PARSER:
            return '%s ...' % get_metavar(1)
        if nargs == SUPPRESS:
            return ''
        try:
            formats = ['%s' for _ in range(nargs)]
        except TypeError:
            raise ValueError('invalid nargs value') from None
        return ' '.join(formats) % get_metavar(nargs)

    def _default_metavar_for_optional(self, action):
        return action.dest.upper()

    def _default_metavar_for_positional(self, action):
        return action.dest

    def _format_action_invocation(self, action):
        if not action.option_strings:
            default = self._default_metavar_for_positional(action)
            metavar, = self._metavar_formatter(action, default)(1)
            return metavar
        if action.nargs == 0:
            return ', '.join(action.option_strings)
        default = self._default_metavar_for_optional(action)
        args_string = self._format_args(action, default)
        return ', '.join(f'{option} {args_string}' for option in action.option_strings)

    def _format_usage(self, usage, actions, groups, prefix):
        if prefix is None:
            prefix = 'usage: '
        if usage is not None:
            usage = usage % dict(prog=self._prog)
        elif not actions:
            usage = self._prog
        else:
            optionals = [a for a in actions if a.option_strings]
            positionals = [a for a in actions if not a.option_strings]
            optional_parts = self._usage_parts(optionals, groups)
            positional_parts = self._usage_parts(positionals, groups)
            usage = ' '.join([self._prog] + optional_parts + positional_parts)
            text_width = self._width - self._current_indent
            if len(prefix) + len(usage) > text_width:
                usage = self._wrap_usage(prefix, optional_parts, positional_parts,
                                         text_width)
        return f'{prefix}{usage}\n\n'

    def _wrap_usage(self, prefix, optional_parts, positional_parts, text_width):
        prog = self._prog

        def lines_of(parts, indent, first_prefix=None):
            lines = []
            line = []
            indent_length = len(indent)
            line_length = len(first_prefix) - 1 if first_prefix is not None else \
                indent_length - 1
            for part in parts:
                if line_length + 1 + len(part) > text_width and line:
                    lines.append(indent + ' '.join(line))
                    line = []
                    line_length = indent_length - 1
                line.append(part)
                line_length += len(part) + 1
            if line:
                lines.append(indent + ' '.join(line))
            if first_prefix is not None:
                lines[0] = lines[0][indent_length:]
            return lines

        if len(prefix) + len(prog) <= 0.75 * text_width:
            indent = ' ' * (len(prefix) + len(prog) + 1)
            if optional_parts:
                lines = lines_of([prog] + optional_parts, indent, prefix)
                lines.extend(lines_of(positional_parts, indent))
            elif positional_parts:
                lines = lines_of([prog] + positional_parts, indent, prefix)
            else:
                lines = [prog]
        else:
            indent = ' ' * len(prefix)
            parts = optional_parts + positional_parts
            lines = lines_of(parts, indent)
            if len(lines) > 1:
                lines = []
                lines.extend(lines_of(optional_parts, indent))
                lines.extend(lines_of(positional_parts, indent))
            lines = [prog] + lines
        return '\n'.join(lines)

    def _usage_parts(self, actions, groups):
        """The usage text of each action, mutually exclusive groups joined with '|'."""
        parts = []
        done = set()
        for action in actions:
            if id(action) in done:
                continue
            group = _group_of(action, groups)
            if group is not None and len(group._group_actions) > 1:
                members = [a for a in group._group_actions if a.help is not SUPPRESS]
                texts = [self._action_usage(a, inside_group=True) for a in members]
                texts = [t for t in texts if t]
                for member in group._group_actions:
                    done.add(id(member))
                if texts:
                    inner = ' | '.join(texts)
                    parts.append(f'({inner})' if group.required else f'[{inner}]')
                continue
            done.add(id(action))
            text = self._action_usage(action)
            if text:
                parts.append(text)
        return parts

    def _action_usage(self, action, inside_group=False):
        if action.help is SUPPRESS:
            return ''
        if not action.option_strings:
            default = self._default_metavar_for_positional(action)
            part = self._format_args(action, default)
            if inside_group and part[:1] == '[' and part[-1:] == ']':
                part = part[1:-1]
            return part
        option_string = action.option_strings[0]
        if action.nargs == 0:
            part = action.format_usage()
        else:
            default = self._default_metavar_for_optional(action)
            part = f'{option_string} {self._format_args(action, default)}'
        if not action.required and not inside_group:
            part = f'[{part}]'
        return part


def _group_of(action, groups):
    for group in groups:
        if action in group._group_actions:
            return group
    return None


def _terminal_columns():
    """$COLUMNS, else 80 (CPython asks the terminal when standard output is one)."""
    try:
        import os
        columns = int(os.environ['COLUMNS'])
    except (ImportError, KeyError, ValueError, AttributeError):
        columns = 80
    return columns


class RawDescriptionHelpFormatter(HelpFormatter):
    """Keeps the description and epilog as written."""

    def _fill_text(self, text, width, indent):
        return ''.join(indent + line for line in text.splitlines(keepends=True))


class RawTextHelpFormatter(RawDescriptionHelpFormatter):
    """Keeps every help text as written."""

    def _split_lines(self, text, width):
        return text.splitlines()


class ArgumentDefaultsHelpFormatter(HelpFormatter):
    """Adds '(default: …)' to each argument's help."""

    def _get_help_string(self, action):
        help_text = action.help
        if help_text is None:
            help_text = ''
        if '%(default)' not in help_text and action.default is not SUPPRESS:
            if action.option_strings or action.nargs in (OPTIONAL, ZERO_OR_MORE):
                help_text += ' (default: %(default)s)'
        return help_text


class MetavarTypeHelpFormatter(HelpFormatter):
    """Uses the name of each argument's type as its metavar."""

    def _default_metavar_for_optional(self, action):
        return action.type.__name__

    def _default_metavar_for_positional(self, action):
        return action.type.__name__


# Groups and the parser --------------------------------------------------------------------

_ACTIONS = {
    None: _StoreAction, 'store': _StoreAction, 'store_const': _StoreConstAction,
    'store_true': _StoreTrueAction, 'store_false': _StoreFalseAction,
    'append': _AppendAction, 'append_const': _AppendConstAction, 'count': _CountAction,
    'help': _HelpAction, 'version': _VersionAction, 'parsers': _SubParsersAction,
}


class _ActionsContainer:
    def __init__(self, description, prefix_chars, argument_default, conflict_handler):
        self.description = description
        self.argument_default = argument_default
        self.prefix_chars = prefix_chars
        self.conflict_handler = conflict_handler
        self._actions = []
        self._option_string_actions = {}
        self._action_groups = []
        self._mutually_exclusive_groups = []
        self._defaults = {}
        self._has_negative_number_optionals = []

    def set_defaults(self, **kwargs):
        """Default values of attributes, also for names no argument sets."""
        self._defaults.update(kwargs)
        for action in self._actions:
            if action.dest in kwargs:
                action.default = kwargs[action.dest]

    def get_default(self, dest):
        for action in self._actions:
            if action.dest == dest and action.default is not None:
                return action.default
        return self._defaults.get(dest, None)

    def add_argument(self, *args, **kwargs):
        """Defines an argument: `add_argument('name')` or `add_argument('-f', '--foo')`,
        with keyword options (action, nargs, const, default, type, choices, required,
        help, metavar, dest)."""
        chars = self.prefix_chars
        if not args or len(args) == 1 and args[0][:1] not in chars:
            if args and 'dest' in kwargs:
                raise ValueError('dest supplied twice for positional argument')
            kwargs = self._positional_kwargs(*args, **kwargs)
        else:
            kwargs = self._optional_kwargs(*args, **kwargs)
        if 'default' not in kwargs:
            dest = kwargs['dest']
            if dest in self._defaults:
                kwargs['default'] = self._defaults[dest]
            elif self.argument_default is not None:
                kwargs['default'] = self.argument_default
        action_name = kwargs.pop('action', None)
        action_class = _ACTIONS.get(action_name, action_name) \
            if not isinstance(action_name, type) else action_name
        if not callable(action_class):
            raise ValueError(f'unknown action "{action_name}"')
        action = action_class(**kwargs)
        type_function = getattr(action, 'type', None)
        if type_function is not None and not callable(type_function):
            raise ValueError(f'{type_function!r} is not callable')
        return self._add_action(action)

    def add_argument_group(self, *args, **kwargs):
        group = _ArgumentGroup(self, *args, **kwargs)
        self._action_groups.append(group)
        return group

    def add_mutually_exclusive_group(self, **kwargs):
        group = _MutuallyExclusiveGroup(self, **kwargs)
        self._mutually_exclusive_groups.append(group)
        return group

    def _add_action(self, action):
        for option_string in action.option_strings:
            if option_string in self._option_string_actions:
                if self.conflict_handler == 'resolve':
                    self._option_string_actions[option_string].option_strings.remove(
                        option_string)
                else:
                    raise ArgumentError(action, f'conflicting option string: {option_string}')
        self._actions.append(action)
        action.container = self
        for option_string in action.option_strings:
            self._option_string_actions[option_string] = action
        return action

    def _positional_kwargs(self, dest=None, **kwargs):
        if dest is None:
            raise TypeError("add_argument() missing 1 required positional argument: 'dest'")
        if 'required' in kwargs:
            raise TypeError("'required' is an invalid argument for positionals")
        if kwargs.get('nargs') not in (OPTIONAL, ZERO_OR_MORE, REMAINDER, SUPPRESS, 0):
            kwargs['required'] = True
        if kwargs.get('nargs') == ZERO_OR_MORE and 'default' not in kwargs:
            kwargs['required'] = True
        return dict(kwargs, dest=dest, option_strings=[])

    def _optional_kwargs(self, *args, **kwargs):
        option_strings = []
        long_option_strings = []
        for option_string in args:
            if option_string[:1] not in self.prefix_chars:
                raise ValueError(f'invalid option string {option_string!r}: must start with '
                                 f'a character {self.prefix_chars!r}')
            option_strings.append(option_string)
            if len(option_string) > 1 and option_string[1] in self.prefix_chars:
                long_option_strings.append(option_string)
        dest = kwargs.pop('dest', None)
        if dest is None:
            source = long_option_strings[0] if long_option_strings else option_strings[0]
            dest = source.lstrip(self.prefix_chars)
            if not dest:
                raise ValueError(f'dest= is required for options like {option_strings[0]!r}')
            dest = dest.replace('-', '_')
        return dict(kwargs, dest=dest, option_strings=option_strings)


class _ArgumentGroup(_ActionsContainer):
    """A titled section of the help; its actions are the parser's too (shared lists)."""

    def __init__(self, container, title=None, description=None, **kwargs):
        super().__init__(description, container.prefix_chars, container.argument_default,
                         container.conflict_handler)
        self.title = title
        self._group_actions = []
        self._container = container
        self._actions = container._actions
        self._defaults = container._defaults
        self._option_string_actions = container._option_string_actions
        self._mutually_exclusive_groups = container._mutually_exclusive_groups

    def _add_action(self, action):
        action = _ActionsContainer._add_action(self, action)
        self._group_actions.append(action)
        return action


class _MutuallyExclusiveGroup(_ArgumentGroup):
    """Arguments of which at most one (exactly one if required) may be given; they are
    listed in the help where the parser lists them."""

    def __init__(self, container, required=False):
        super().__init__(container)
        self.required = required

    def _add_action(self, action):
        if action.required:
            raise ValueError('mutually exclusive arguments must be optional')
        action = self._container._add_action(action)
        self._group_actions.append(action)
        return action


class ArgumentParser(_AttributeHolder, _ActionsContainer):
    """Parses command-line arguments into a Namespace, and writes usage and help."""

    def __init__(self, prog=None, usage=None, description=None, epilog=None, parents=(),
                 formatter_class=HelpFormatter, prefix_chars='-', fromfile_prefix_chars=None,
                 argument_default=None, conflict_handler='error', add_help=True,
                 allow_abbrev=True, exit_on_error=True):
        _ActionsContainer.__init__(self, description, prefix_chars, argument_default,
                                   conflict_handler)
        if prog is None:
            prog = _sys.argv[0].replace('\\', '/').rsplit('/', 1)[-1] if _sys.argv else ''
        self.prog = prog
        self.usage = usage
        self.epilog = epilog
        self.formatter_class = formatter_class
        self.fromfile_prefix_chars = fromfile_prefix_chars
        self.add_help = add_help
        self.allow_abbrev = allow_abbrev
        self.exit_on_error = exit_on_error
        self._positionals = self.add_argument_group('positional arguments')
        self._optionals = self.add_argument_group('options')
        self._subparsers = None
        default_prefix = '-' if '-' in prefix_chars else prefix_chars[0]
        if self.add_help:
            self.add_argument(default_prefix + 'h', default_prefix * 2 + 'help',
                              action='help', default=SUPPRESS,
                              help='show this help message and exit')
        for parent in parents:
            for action in parent._actions:
                if action.option_strings and isinstance(action, _HelpAction):
                    continue
                self._add_action(action)
            self._defaults.update(parent._defaults)

    def _get_kwargs(self):
        names = ['prog', 'usage', 'description', 'formatter_class', 'conflict_handler',
                 'add_help']
        return [(name, getattr(self, name)) for name in names]

    def _add_action(self, action):
        if action.option_strings:
            self._optionals._group_actions.append(action)
        else:
            self._positionals._group_actions.append(action)
        return _ActionsContainer._add_action(self, action)

    def add_subparsers(self, **kwargs):
        """Adds subcommands; returns the object whose `add_parser(name)` defines each."""
        if self._subparsers is not None:
            self.error('cannot have multiple subparser arguments')
        kwargs.setdefault('parser_class', type(self))
        if 'title' in kwargs or 'description' in kwargs:
            title = kwargs.pop('title', 'subcommands')
            description = kwargs.pop('description', None)
            self._subparsers = self.add_argument_group(title, description)
        else:
            self._subparsers = self._positionals
        if kwargs.get('prog') is None:
            formatter = self._get_formatter()
            positionals = [a for a in self._actions if not a.option_strings]
            formatter.add_usage(self.usage, positionals, self._mutually_exclusive_groups, '')
            kwargs['prog'] = formatter.format_help().strip()
        action = _SubParsersAction(option_strings=[], **kwargs)
        self._subparsers._add_action(action)
        return action

    # Parsing -----------------------------------------------------------------------------

    def parse_args(self, args=None, namespace=None):
        """The parsed arguments (from `args`, or sys.argv[1:]); exits with usage and an
        error message on bad input."""
        namespace, extras = self.parse_known_args(args, namespace)
        if extras:
            self.error('unrecognized arguments: ' + ' '.join(extras))
        return namespace

    def parse_known_args(self, args=None, namespace=None):
        """(namespace, the arguments not recognized)."""
        if args is None:
            args = _sys.argv[1:]
        else:
            args = list(args)
        if namespace is None:
            namespace = Namespace()
        for action in self._actions:
            if action.dest is not SUPPRESS and not hasattr(namespace, action.dest) and \
                    action.default is not SUPPRESS:
                setattr(namespace, action.dest, action.default)
        for dest, value in self._defaults.items():
            if not hasattr(namespace, dest):
                setattr(namespace, dest, value)
        if self.exit_on_error:
            try:
                namespace, extras = self._parse_known_args(args, namespace)
            except ArgumentError as error:
                self.error(str(error))
        else:
            namespace, extras = self._parse_known_args(args, namespace)
        if hasattr(namespace, '_UNRECOGNIZED_ARGS'):
            extras.extend(namespace._UNRECOGNIZED_ARGS)
            delattr(namespace, '_UNRECOGNIZED_ARGS')
        return namespace, extras

    def _is_option(self, text):
        if not text or text[0] not in self.prefix_chars:
            return False
        if text == '-':
            return False
        if text in self._option_string_actions:
            return True
        if len(text) == 1:
            return False
        if '=' in text and text.split('=', 1)[0] in self._option_string_actions:
            return True
        if _looks_negative(text) and not self._has_negative_options():
            return False
        if ' ' in text:
            return False
        return True

    def _has_negative_options(self):
        return any(_looks_negative(option) for option in self._option_string_actions)

    def _match_option(self, text):
        """(action, option string, explicit value) for an option argument."""
        if text in self._option_string_actions:
            return self._option_string_actions[text], text, None
        if '=' in text:
            name, value = text.split('=', 1)
            if name in self._option_string_actions:
                return self._option_string_actions[name], name, value
        chars = self.prefix_chars
        if len(text) > 1 and text[1] in chars:
            if self.allow_abbrev:
                name, has_value, value = text.partition('=')
                matches = [option for option in self._option_string_actions
                           if option.startswith(name)]
                if len(matches) > 1:
                    listed = ', '.join(matches)
                    self.error(f'ambiguous option: {name} could match {listed}')
                if len(matches) == 1:
                    option = matches[0]
                    return (self._option_string_actions[option], option,
                            value if has_value else None)
            return None, text, None
        short = text[:2]
        if short in self._option_string_actions:
            action = self._option_string_actions[short]
            rest = text[2:]
            return action, short, rest
        return None, text, None

    def _parse_known_args(self, args, namespace):
        """CPython's algorithm: options are found first; runs of positional strings between
        them are matched against the remaining positional actions (as many as can match),
        then each option takes its values."""
        group_conflicts = {}
        for group in self._mutually_exclusive_groups:
            for action in group._group_actions:
                group_conflicts.setdefault(id(action), []).extend(
                    [other for other in group._group_actions if other is not action])
        options = {}
        kinds = []
        after_separator = False
        for index, text in enumerate(args):
            if after_separator:
                kinds.append('A')
            elif text == '--':
                kinds.append('-')
                after_separator = True
            elif self._is_option(text):
                options[index] = self._match_option(text)
                kinds.append('O')
            else:
                kinds.append('A')
        pattern = ''.join(kinds)
        seen = []
        seen_non_default = []
        extras = []
        positionals = [a for a in self._actions if not a.option_strings]

        def take(action, strings, option_string=None):
            if action not in seen:
                seen.append(action)
            values = self._convert(action, strings)
            if values is not action.default:
                seen_non_default.append(action)
                for conflict in group_conflicts.get(id(action), []):
                    if conflict in seen_non_default:
                        raise ArgumentError(action, 'not allowed with argument '
                                                    f'{_argument_name(conflict)}')
            if values is not SUPPRESS:
                action(self, namespace, values, option_string)

        def consume_optional(index):
            action, option_string, explicit = options[index]
            if action is None:
                extras.append(args[index])
                return index + 1
            while True:
                if explicit is not None:
                    if action.nargs == 0 and option_string[1:2] not in self.prefix_chars:
                        take(action, [], option_string)
                        flag = option_string[0] + explicit[0]
                        rest = explicit[1:] or None
                        if flag not in self._option_string_actions:
                            raise ArgumentError(action, f'ignored explicit argument '
                                                        f'{explicit!r}')
                        action = self._option_string_actions[flag]
                        option_string = flag
                        explicit = rest
                        continue
                    if _count_option_arguments(action, 'A') == 1:
                        take(action, [explicit], option_string)
                        return index + 1
                    raise ArgumentError(action, f'ignored explicit argument {explicit!r}')
                count = _count_option_arguments(action, pattern[index + 1:])
                take(action, args[index + 1:index + 1 + count], option_string)
                return index + 1 + count

        def consume_positionals(index):
            counts = _match_positionals(positionals, pattern[index:])
            for action, count in zip(positionals, counts):
                strings = args[index:index + count]
                index += count
                take(action, strings)
            del positionals[:len(counts)]
            return index

        index = 0
        last_option = max(options) if options else -1
        while index <= last_option:
            next_option = min(i for i in options if i >= index)
            if index != next_option:
                end = consume_positionals(index)
                if end > index:
                    index = end
                    continue
                index = end
            if index not in options:
                extras.extend(args[index:next_option])
                index = next_option
            index = consume_optional(index)
        stop = consume_positionals(index)
        extras.extend(args[stop:])
        required = []
        for action in self._actions:
            if action not in seen:
                if action.required:
                    required.append(_argument_name(action))
                elif (action.default is not None and isinstance(action.default, str) and
                      hasattr(namespace, action.dest) and
                      action.default is getattr(namespace, action.dest)):
                    setattr(namespace, action.dest, self._value(action, action.default))
        if required:
            self.error('the following arguments are required: ' + ', '.join(required))
        for group in self._mutually_exclusive_groups:
            if group.required and not any(a in seen_non_default for a in group._group_actions):
                names = [_argument_name(a) for a in group._group_actions
                         if a.help is not SUPPRESS]
                self.error('one of the arguments ' + ' '.join(names) + ' is required')
        return namespace, extras

    def _convert(self, action, strings):
        """The value an action receives for its argument strings."""
        strings = list(strings)
        if action.nargs not in (PARSER, REMAINDER) and '--' in strings:
            strings.remove('--')
        nargs = action.nargs
        if not strings and nargs == OPTIONAL:
            value = action.const if action.option_strings else action.default
            if isinstance(value, str):
                value = self._value(action, value)
                self._check_value(action, value)
            return value
        if not strings and nargs == ZERO_OR_MORE and not action.option_strings:
            value = action.default if action.default is not None else strings
            self._check_value(action, value)
            return value
        if len(strings) == 1 and nargs in (None, OPTIONAL):
            value = self._value(action, strings[0])
            self._check_value(action, value)
            return value
        if nargs == REMAINDER:
            return [self._value(action, text) for text in strings]
        if nargs == PARSER:
            values = [self._value(action, text) for text in strings]
            self._check_value(action, values[0])
            return values
        if nargs == SUPPRESS:
            return SUPPRESS
        values = [self._value(action, text) for text in strings]
        for value in values:
            self._check_value(action, value)
        return values

    def _value(self, action, text):
        convert = action.type
        if convert is None:
            return text
        if not callable(convert):
            raise ArgumentError(action, f'{convert!r} is not callable')
        try:
            return convert(text)
        except ArgumentTypeError as error:
            raise ArgumentError(action, str(error))
        except (TypeError, ValueError):
            name = getattr(convert, '__name__', repr(convert))
            raise ArgumentError(action, f'invalid {name} value: {text!r}')

    def _check_value(self, action, value):
        if action.choices is not None and value not in action.choices:
            choices = ', '.join(map(repr, action.choices))
            raise ArgumentError(action, f'invalid choice: {value!r} (choose from {choices})')

    # Output ------------------------------------------------------------------------------

    def _get_formatter(self):
        return self.formatter_class(prog=self.prog)

    def format_usage(self):
        formatter = self._get_formatter()
        formatter.add_usage(self.usage, self._actions, self._mutually_exclusive_groups)
        return formatter.format_help()

    def format_help(self):
        formatter = self._get_formatter()
        formatter.add_usage(self.usage, self._actions, self._mutually_exclusive_groups)
        formatter.add_text(self.description)
        for group in self._action_groups:
            formatter._section_description = group.description
            formatter.start_section(group.title)
            formatter.add_arguments(group._group_actions)
            formatter.end_section()
        formatter.add_text(self.epilog)
        return formatter.format_help()

    def print_usage(self, file=None):
        if file is None:
            file = _sys.stdout
        self._print_message(self.format_usage(), file)

    def print_help(self, file=None):
        if file is None:
            file = _sys.stdout
        self._print_message(self.format_help(), file)

    def _print_message(self, message, file=None):
        if message:
            file = file or _sys.stderr
            try:
                file.write(message)
            except (AttributeError, OSError):
                pass

    def exit(self, status=0, message=None):
        if message:
            self._print_message(message, _sys.stderr)
        _sys.exit(status)

    def error(self, message):
        """Prints the usage and `prog: error: message` to stderr, then exits with 2."""
        self.print_usage(_sys.stderr)
        self.exit(2, f'{self.prog}: error: {message}\n')


def _nargs_atoms(action):
    """The pattern of an action's arguments over the kinds of argument strings ('A' a value,
    'O' an option, '-' the '--' separator) as atoms for `_match_atoms`: ('*', chars) any
    number, ('1', char) exactly one, ('?', char) at most one."""
    nargs = action.nargs
    dashes = ('*', '-')
    if nargs is None:
        atoms = [dashes, ('1', 'A'), dashes]
    elif nargs == OPTIONAL:
        atoms = [dashes, ('?', 'A'), dashes]
    elif nargs == ZERO_OR_MORE:
        atoms = [dashes, ('*', 'A-')]
    elif nargs == ONE_OR_MORE:
        atoms = [dashes, ('1', 'A'), ('*', 'A-')]
    elif nargs == REMAINDER:
        atoms = [('*', '-AO')]
    elif nargs == PARSER:
        atoms = [dashes, ('1', 'A'), ('*', '-AO')]
    elif nargs == SUPPRESS:
        atoms = [dashes, dashes]
    else:
        atoms = [dashes]
        for _ in range(nargs):
            atoms += [('1', 'A'), dashes]
    if action.option_strings:
        atoms = [atom for atom in atoms if atom != dashes]
        atoms = [(kind, chars.replace('-', '')) for kind, chars in atoms]
    return atoms


def _match_atoms(atoms, index, text, position, ends):
    """Matches atoms[index:] at text[position:] as a greedy regular expression would (the
    longest choice first, backtracking); returns the end of each group or None."""
    if index == len(atoms):
        return list(ends)
    kind, chars = atoms[index]
    if kind == 'end':
        ends.append(position)
        result = _match_atoms(atoms, index + 1, text, position, ends)
        ends.pop()
        return result
    if kind == '1':
        if position < len(text) and text[position] in chars:
            return _match_atoms(atoms, index + 1, text, position + 1, ends)
        return None
    if kind == '?':
        if position < len(text) and text[position] in chars:
            result = _match_atoms(atoms, index + 1, text, position + 1, ends)
            if result is not None:
                return result
        return _match_atoms(atoms, index + 1, text, position, ends)
    longest = position
    while longest < len(text) and text[longest] in chars:
        longest += 1
    for end in range(longest, position - 1, -1):
        result = _match_atoms(atoms, index + 1, text, end, ends)
        if result is not None:
            return result
    return None


def _group_lengths(actions, pattern):
    atoms = []
    for action in actions:
        atoms.extend(_nargs_atoms(action))
        atoms.append(('end', ''))
    ends = _match_atoms(atoms, 0, pattern, 0, [])
    if ends is None:
        return None
    return [end - start for start, end in zip([0] + ends[:-1], ends)]


def _match_positionals(actions, pattern):
    """How many strings each of the leading positional actions takes: as many actions as
    can match the start of `pattern`, each as greedily as the ones before it allow."""
    for count in range(len(actions), 0, -1):
        lengths = _group_lengths(actions[:count], pattern)
        if lengths is not None:
            return lengths
    return []


def _count_option_arguments(action, pattern):
    """How many strings an option takes from the start of `pattern`, or its error."""
    lengths = _group_lengths([action], pattern)
    if lengths is not None:
        return lengths[0]
    nargs = action.nargs
    if nargs is None:
        message = 'expected one argument'
    elif nargs == OPTIONAL:
        message = 'expected at most one argument'
    elif nargs == ONE_OR_MORE:
        message = 'expected at least one argument'
    else:
        message = f"expected {nargs} argument{'s' if nargs != 1 else ''}"
    raise ArgumentError(action, message)


def _looks_negative(text):
    if not text.startswith('-') or len(text) < 2:
        return False
    body = text[1:]
    if body.replace('.', '', 1).isdigit():
        return True
    return False
