#!/bin/sh
genSysFiles()
{
        admID=`nvram_get 2860 Login`
        if [ "$admID" = "" ]; then
            admID="Admin"
            nvram_set 2860 Login Admin
        fi
            admPW=`nvram_get 2860 Password`
        if [ "$admPW" = "" ]; then
            admPW="Admin"
            nvram_set 2860 Password Admin
        fi
	login=`nvram_get 2860 Login`
	pass=`nvram_get 2860 Password`
	echo "$login::0:0:Adminstrator:/:/bin/sh" > /etc/passwd
	chpasswd.sh $login $pass
}
