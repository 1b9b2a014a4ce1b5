# expect-error: SyntaxError: 'break' outside loop
break
