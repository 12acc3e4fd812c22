	echo "Do not changing password<br>"
fi

## Change root name in system
sed "s/^$old_root:/$root_name:/" /etc/passwd > /tmp/passwd 
sed "s/^$old_root:/$root_name:/" /etc/shadow > /tmp/shadow
cat /tmp/passwd > /etc/passwd
cat /tmp/shadow > /etc/shadow

## Change password in system
[ "$CHPW" = "yes" ] && echo "$root_name:$new_pw" | chpasswd -m > /dev/null

## Change root name ang password in httpd
echo "/cgi-bin:$root_name:$hash_to_write" > /etc/httpd.conf

